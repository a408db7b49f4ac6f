import { Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { EditImpact } from '../core/edit-impact';

/** The participants on changed or removed steps of a flow edit; those on a removed step may be moved before saving. */
@Component({
  selector: 'st-edit-impact',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatSelectModule, TranslocoPipe],
  template: `
    <section class="impact" [attr.aria-label]="'dsl.impact' | transloco">
      <h2>{{ 'dsl.impact' | transloco }}</h2>
      @for (step of impact().changed; track step.stepId) {
        @if (step.participants > 0) { <p>{{ 'dsl.changed' | transloco: { step: step.stepId, n: step.participants } }}</p> }
      }
      @for (step of impact().removed; track step.stepId) {
        <p>{{ 'dsl.removed' | transloco: { step: step.stepId, n: step.participants } }}</p>
        @if (step.participants > 0) {
          <mat-form-field>
            <mat-label>{{ 'dsl.moveTo' | transloco: { step: step.stepId } }}</mat-label>
            <mat-select [(ngModel)]="moves[step.stepId]">
              <mat-option value="">{{ 'dsl.letComplete' | transloco }}</mat-option>
              @for (target of impact().targets; track target) { <mat-option [value]="target">{{ target }}</mat-option> }
            </mat-select>
          </mat-form-field>
        }
      }
      <button mat-flat-button type="button" (click)="confirm.emit(chosenMoves())">{{ 'common.save' | transloco }}</button>
      <button mat-button type="button" (click)="cancel.emit()">{{ 'common.cancel' | transloco }}</button>
    </section>
  `,
})
export class EditImpactComponent {
  readonly impact = input.required<EditImpact>();
  /** Saving, with the moves chosen (`{stepId: targetStepId}`). */
  readonly confirm = output<Record<string, string>>();
  readonly cancel = output<void>();
  moves: Record<string, string> = {};

  chosenMoves(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.moves).filter(([, target]) => target));
  }
}
