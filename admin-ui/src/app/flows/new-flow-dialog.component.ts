import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { quote } from '@stroom/dsl';
import { Api, errorMessage } from '../core/api';
import type { ApiSchema } from '../core/api-schema';

/** "Nieuwe flow": asks the name, creates a flow that does not run yet and closes with its id. */
@Component({
  selector: 'st-new-flow-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  template: `
    <form (ngSubmit)="create()">
      <h2 mat-dialog-title>{{ 'flowActions.newTitle' | transloco }}</h2>
      <mat-dialog-content>
        <p>{{ 'flowActions.newText' | transloco }}</p>
        <mat-form-field class="full">
          <mat-label>{{ 'common.name' | transloco }}</mat-label>
          <input matInput name="name" [(ngModel)]="name" required cdkFocusInitial autocomplete="off" />
          @if (error()) { <mat-error>{{ error() }}</mat-error> }
        </mat-form-field>
        @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'confirm.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy() || !name.trim()">{{ 'flowActions.create' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class NewFlowDialogComponent {
  private readonly api = inject(Api);
  private readonly ref = inject(MatDialogRef<NewFlowDialogComponent, string>);
  name = '';
  readonly busy = signal(false);
  readonly error = signal('');

  async create(): Promise<void> {
    const name = this.name.trim();
    if (!name) return;
    this.busy.set(true);
    this.error.set('');
    try {
      // The smallest flow there is: a manual trigger; the designer adds the rest.
      const flow = await this.api.post<ApiSchema<'Flow'>>('/api/flows', { source: `flow ${quote(name)} {\n  trigger manual\n}\n` });
      this.ref.close(flow.id);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
