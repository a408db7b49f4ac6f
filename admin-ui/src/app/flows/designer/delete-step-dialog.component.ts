import { Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';

/** "Delete this step?" naming how many steps go with it (a split takes its branches). */
@Component({
  selector: 'st-delete-step-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'designer.deleteTitle' | transloco }}</h2>
    <mat-dialog-content>{{ (data.count === 1 ? 'designer.deleteOne' : 'designer.deleteMany') | transloco: { n: data.count } }}</mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">{{ 'designer.delete' | transloco }}</button>
    </mat-dialog-actions>
  `,
})
export class DeleteStepDialogComponent {
  readonly data = inject<{ count: number }>(MAT_DIALOG_DATA);
}
