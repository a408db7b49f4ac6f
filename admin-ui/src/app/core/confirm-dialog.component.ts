import { Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';

/** Text keys of the dialog's title, explanation and confirming button. */
export interface ConfirmData {
  title: string;
  text: string;
  confirm: string;
  /** Values for the title and text, e.g. the name of what is deleted. */
  params?: Record<string, unknown>;
}

/** "Are you sure?" with the action named on its button; closes with true only when confirmed. */
@Component({
  selector: 'st-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ data.title | transloco: data.params ?? {} }}</h2>
    <mat-dialog-content>{{ data.text | transloco: data.params ?? {} }}</mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ 'confirm.cancel' | transloco }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">{{ data.confirm | transloco }}</button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialogComponent {
  readonly data = inject<ConfirmData>(MAT_DIALOG_DATA);
}
