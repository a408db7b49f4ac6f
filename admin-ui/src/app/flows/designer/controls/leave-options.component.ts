import { Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { LeaveAction, LeaveOptions, Step } from '@stroom/dsl';
import { leaveOptionsOf, targetIn } from '../leave-options';
import { NamePickerComponent } from '../name-picker.component';

/** A change of the leave options: the flow a leaver is proposed to, or the selection it is added to ('' removes it). */
export interface LeaveChange {
  kind: LeaveAction['kind'];
  name: string;
}

/** What happens to a participant who leaves: proposed to another flow and/or added to a static selection. */
@Component({
  selector: 'st-leave-options',
  imports: [NamePickerComponent, TranslocoPipe],
  template: `
    <st-name-picker collection="flows" [label]="'designer.fields.leaveFlow' | transloco" [value]="target('move_to_flow')"
      (picked)="changed.emit({ kind: 'move_to_flow', name: $event })" name="leaveFlow" [disabled]="disabled()" />
    <st-name-picker collection="selections" [label]="'designer.fields.leaveSelection' | transloco" [value]="target('add_to_selection')"
      (picked)="changed.emit({ kind: 'add_to_selection', name: $event })" name="leaveSelection" [disabled]="disabled()" />
  `,
})
export class LeaveOptionsComponent {
  /** The step whose leave options are shown, or `options` held elsewhere (the flow's exit rule). */
  readonly step = input<Step>();
  readonly options = input<LeaveOptions>();
  readonly disabled = input(false);
  readonly changed = output<LeaveChange>();

  protected target(kind: LeaveAction['kind']): string {
    const step = this.step();
    return targetIn(this.options() ?? (step && leaveOptionsOf(step)), kind);
  }
}
