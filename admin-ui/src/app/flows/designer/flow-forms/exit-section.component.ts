import { Component, computed, inject, input } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Condition } from '@stroom/dsl';
import { ConditionBuilderComponent } from '../controls/condition-builder.component';
import { LeaveOptionsComponent, type LeaveChange } from '../controls/leave-options.component';
import { DesignerStore } from '../designer-store';
import { setTargetIn } from '../leave-options';
import { putSetting, settingOf } from './flow-setting-edits';

/** How often a person may go through the flow: any time, once, or again some days after the last run ended. */
export type Reentry = 'always' | 'once' | 'restart';

const DEFAULT_RESTART_DAYS = 30;

/**
 * Leaving and coming back: the exit rule (`exit when …`, checked while a person is in the flow, with
 * where a leaver goes) and whether a person may go through the flow again.
 */
@Component({
  selector: 'st-exit-section',
  imports: [ConditionBuilderComponent, LeaveOptionsComponent, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <h3>{{ 'designerForms.exit.title' | transloco }}</h3>
    <st-condition-builder [condition]="exit()?.condition" [label]="'designerForms.exit.condition' | transloco" name="exit" (changed)="setExit($event)" [disabled]="readOnly()" />
    <p class="hint">{{ 'designerForms.exit.hint' | transloco }}</p>
    @if (exit(); as rule) {
      <st-leave-options [options]="rule" (changed)="leave($event)" [disabled]="readOnly()" />
    }
    <div class="row">
      <mat-form-field>
        <mat-label>{{ 'designerForms.exit.reentry' | transloco }}</mat-label>
        <mat-select [value]="reentry()" (selectionChange)="setReentry($event.value)" [disabled]="readOnly()">
          <mat-option value="always">{{ 'designerForms.exit.always' | transloco }}</mat-option>
          <mat-option value="once">{{ 'designerForms.exit.once' | transloco }}</mat-option>
          <mat-option value="restart">{{ 'designerForms.exit.restart' | transloco }}</mat-option>
        </mat-select>
      </mat-form-field>
      @if (reentry() === 'restart') {
        <mat-form-field>
          <mat-label>{{ 'designerForms.exit.restartDays' | transloco }}</mat-label>
          <input matInput type="number" min="1" step="1" [value]="restartDays()" (change)="setRestartDays($event)" name="restartDays" [disabled]="readOnly()" />
        </mat-form-field>
      }
    </div>
  `,
})
export class ExitSectionComponent {
  readonly readOnly = input(false);
  private readonly store = inject(DesignerStore);
  protected readonly exit = computed(() => settingOf(this.store.flow(), 'exit'));
  protected readonly restartDays = computed(() => settingOf(this.store.flow(), 'restart')?.afterDays ?? DEFAULT_RESTART_DAYS);
  protected readonly reentry = computed<Reentry>(() => {
    const flow = this.store.flow();
    if (settingOf(flow, 'once_per_person')) return 'once';
    return settingOf(flow, 'restart') ? 'restart' : 'always';
  });

  /** A new condition keeps where leavers go; no condition (no rows) removes the exit rule. */
  protected setExit(condition: Condition | undefined): void {
    this.store.updateFlow((flow) => {
      const before = settingOf(flow, 'exit');
      putSetting(flow, 'exit', condition ? { kind: 'exit', condition, actions: before?.actions ?? [], ...(before?.endComments ? { endComments: before.endComments } : {}) } : undefined);
    });
  }

  protected leave(change: LeaveChange): void {
    this.store.updateFlow((flow) => setTargetIn(settingOf(flow, 'exit'), change.kind, change.name.trim()));
  }

  protected setReentry(choice: Reentry): void {
    const days = this.restartDays();
    this.store.updateFlow((flow) => {
      putSetting(flow, 'once_per_person', choice === 'once' ? { kind: 'once_per_person' } : undefined);
      putSetting(flow, 'restart', choice === 'restart' ? { kind: 'restart', afterDays: days } : undefined);
    });
  }

  protected setRestartDays(event: Event): void {
    const days = Math.floor(Number((event.target as HTMLInputElement).value));
    if (!Number.isFinite(days) || days < 1) return;
    this.store.updateFlow((flow) => putSetting(flow, 'restart', { kind: 'restart', afterDays: days }));
  }
}
