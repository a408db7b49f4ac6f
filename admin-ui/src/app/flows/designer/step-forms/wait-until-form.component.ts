import { Component } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { StepForm } from './step-form';

/** Wachten tot datum: the date and time the wait ends (in the flow's time zone). */
@Component({
  selector: 'st-wait-until-form',
  imports: [MatFormFieldModule, MatInputModule, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <mat-form-field>
      <mat-label>{{ 'designer.fields.until' | transloco }}</mat-label>
      <input matInput type="datetime-local" [value]="step().until" (change)="set('until', value($event))" name="until" />
    </mat-form-field>
  `,
})
export class WaitUntilFormComponent extends StepForm<'wait_until'> {}
