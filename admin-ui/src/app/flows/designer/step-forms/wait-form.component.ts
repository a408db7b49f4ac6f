import { Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { DurationFieldComponent } from '../controls/duration-field.component';
import { StepForm } from './step-form';

/** Wachttijd: how long after the previous step. */
@Component({
  selector: 'st-wait-form',
  imports: [DurationFieldComponent, TranslocoPipe],
  template: `
    <st-duration-field [duration]="step().duration" [label]="'designer.fields.amount' | transloco" (changed)="set('duration', $event)" [disabled]="readOnly()" />
  `,
})
export class WaitFormComponent extends StepForm<'wait'> {}
