import { DatePipe, JsonPipe } from '@angular/common';
import { Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage } from '../core/api';

interface Explanation {
  matches: boolean;
  conditions: { condition: string; field?: string; value?: unknown; holds: boolean }[];
  pending: { jobId: string; dueAt: string; action: number; reminder: number }[];
}

/** "Why did (or didn't) this e-mail go out?" for one record: POST /api/workflows/:id/explain. */
@Component({
  selector: 'st-explain-panel',
  imports: [DatePipe, FormsModule, JsonPipe, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  styles: `
    form { display: flex; gap: 8px; align-items: baseline; }
    .holds { color: #1b6e20; } .fails { color: #b3261e; }
  `,
  template: `
    <h3>{{ 'explain.title' | transloco }}</h3>
    <form (ngSubmit)="explain()">
      <mat-form-field>
        <mat-label>{{ 'explain.recordId' | transloco: { entity: ('explain.entities.' + entity() | transloco) } }}</mat-label>
        <input matInput name="recordId" required [(ngModel)]="recordId" />
      </mat-form-field>
      <button mat-stroked-button type="submit">{{ 'explain.submit' | transloco }}</button>
    </form>
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @if (result(); as r) {
      <section [attr.aria-label]="'explain.region' | transloco" data-explain>
        <p><strong>{{ (r.matches ? 'explain.matches' : 'explain.noMatch') | transloco }}</strong></p>
        <ul>
          @for (c of r.conditions; track $index) {
            <li [class.holds]="c.holds" [class.fails]="!c.holds">{{ c.holds ? '✓' : '✗' }} {{ c.condition }}@if (c.field) { — {{ 'explain.value' | transloco }} {{ c.value | json }} }</li>
          }
        </ul>
        @if (r.pending.length > 0) {
          <p>{{ 'explain.planned' | transloco }}</p>
          <ul>@for (p of r.pending; track p.jobId) { <li>{{ (p.reminder === 0 ? 'explain.email' : 'explain.reminder') | transloco: { n: p.reminder, at: (p.dueAt | date: 'dd-MM-yyyy HH:mm') } }}</li> }</ul>
        } @else {
          <p>{{ 'explain.nothingPlanned' | transloco }}</p>
        }
      </section>
    }
  `,
})
export class ExplainPanelComponent {
  private readonly api = inject(Api);
  readonly workflowId = input.required<string>();
  readonly entity = input.required<string>();
  readonly result = signal<Explanation | undefined>(undefined);
  readonly error = signal('');
  recordId = '';

  async explain(): Promise<void> {
    this.error.set('');
    try {
      this.result.set(await this.api.post<Explanation>(`/api/workflows/${this.workflowId()}/explain`, { entity: this.entity(), id: this.recordId.trim() }));
    } catch (error) {
      this.result.set(undefined);
      this.error.set(errorMessage(error));
    }
  }
}
