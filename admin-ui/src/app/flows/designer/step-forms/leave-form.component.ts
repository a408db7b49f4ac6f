import { Component } from '@angular/core';
import { LeaveOptionsComponent } from '../controls/leave-options.component';
import { StepForm } from './step-form';

/** Flow verlaten: propose the participant to another flow and/or add it to a selection. */
@Component({
  selector: 'st-leave-form',
  imports: [LeaveOptionsComponent],
  template: `<st-leave-options [step]="step()" (changed)="leave($event)" [disabled]="readOnly()" />`,
})
export class LeaveFormComponent extends StepForm<'leave'> {}
