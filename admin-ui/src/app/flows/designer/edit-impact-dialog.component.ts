import { Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { EditImpact, StepImpact } from '../../core/edit-impact';

/**
 * Before a paused flow's edit is saved: how many participants stand on each step the edit changes
 * or removes, and per removed step where they go (or that they complete). Closes with the moves.
 */
@Component({
  selector: 'st-edit-impact-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'designer.impact.title' | transloco }}</h2>
    <mat-dialog-content>
      @for (step of occupied(data.changed); track step.stepId) {
        <p>{{ 'designer.impact.changed' | transloco: { step: step.stepId, n: step.participants } }}</p>
      }
      @for (step of occupied(data.removed); track step.stepId) {
        <p>{{ 'designer.impact.removed' | transloco: { step: step.stepId, n: step.participants } }}</p>
        <mat-form-field>
          <mat-label>{{ 'designer.impact.moveTo' | transloco: { step: step.stepId } }}</mat-label>
          <mat-select [(ngModel)]="moves[step.stepId]" [name]="'move-' + step.stepId">
            <mat-option value="">{{ 'designer.impact.complete' | transloco }}</mat-option>
            @for (target of data.targets; track target) { <mat-option [value]="target">{{ target }}</mat-option> }
          </mat-select>
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="chosen()">{{ 'common.save' | transloco }}</button>
    </mat-dialog-actions>
  `,
})
export class EditImpactDialogComponent {
  readonly data = inject<EditImpact>(MAT_DIALOG_DATA);
  protected moves: Record<string, string> = {};

  protected occupied(steps: StepImpact[]): StepImpact[] {
    return steps.filter((s) => s.participants > 0);
  }

  protected chosen(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.moves).filter(([, target]) => target));
  }
}
