import { Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { outcomeFlow, setOutcomeFlow } from '../complete-actions';
import { NamePickerComponent } from '../name-picker.component';
import { StepForm } from './step-form';

/** Voltooid: the end; optionally propose the participant to another flow, per outcome (with or without success). */
@Component({
  selector: 'st-complete-form',
  imports: [NamePickerComponent, TranslocoPipe],
  template: `
    <p>{{ 'designer.completeHelp' | transloco }}</p>
    <st-name-picker collection="flows" [label]="'designer.fields.onSuccess' | transloco" [value]="flowFor('success')"
      (picked)="edit(setFlow('success', $event))" name="onSuccess" [disabled]="readOnly()" />
    <st-name-picker collection="flows" [label]="'designer.fields.onNoSuccess' | transloco" [value]="flowFor('no_success')"
      (picked)="edit(setFlow('no_success', $event))" name="onNoSuccess" [disabled]="readOnly()" />
  `,
})
export class CompleteFormComponent extends StepForm<'complete'> {
  protected flowFor(outcome: 'success' | 'no_success'): string {
    return outcomeFlow(this.step(), outcome);
  }

  protected setFlow(outcome: 'success' | 'no_success', name: string) {
    return (step: Parameters<typeof setOutcomeFlow>[0]) => setOutcomeFlow(step, outcome, name);
  }
}
