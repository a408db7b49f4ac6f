import { DatePipe } from '@angular/common';
import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { Session } from '../core/session';

type PolicyDocument = ApiSchema<'ContactPolicy'>;
type HistoryItem = ApiSchema<'ContactHistory'>['items'][number];
/** A refused line of the policy, as a save's 400 lists it in `details.diagnostics`. */
type Diagnostic = Pick<ApiSchema<'DslDiagnostic'>, 'line' | 'column' | 'message'>;

/**
 * The contact policy as its DSL text (how often and when a flow's messages may reach a person),
 * with the lines it refuses, and one person's contact history: sent, deferred and skipped.
 */
@Component({
  selector: 'st-contact-policy',
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatTableModule, TranslocoPipe],
  styles: `
    textarea.source { font-family: ui-monospace, 'Cascadia Code', Menlo, monospace; font-size: 14px; line-height: 1.5; }
    .source-field { width: 100%; max-width: 720px; }
    .actions { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    .problems { margin: 8px 0; padding-left: 20px; }
    .history { display: flex; gap: 16px; flex-wrap: wrap; align-items: baseline; margin-top: 8px; }
    .help code { background: rgba(0, 0, 0, 0.05); padding: 0 4px; border-radius: 3px; }
    .help li { margin: 4px 0; }
  `,
  template: `
    <section class="page">
      <h1>{{ 'policy.title' | transloco }}</h1>
      <p>{{ 'policy.intro' | transloco }}</p>
      <ul class="help">
        <li><code>email at most 2 per 7 days</code> — {{ 'policy.help.limit' | transloco }}</li>
        <li><code>gap at least 12 hours</code> — {{ 'policy.help.gap' | transloco }}</li>
        <li><code>sms quiet hours 21:00-08:00</code> — {{ 'policy.help.quiet' | transloco }}</li>
        <li><code>when limited defer</code> / <code>when limited skip</code> — {{ 'policy.help.whenLimited' | transloco }}</li>
      </ul>
      <p>{{ 'policy.exempt' | transloco }}</p>
      <form (ngSubmit)="save()">
        <mat-form-field class="source-field">
          <mat-label>{{ 'policy.source' | transloco }}</mat-label>
          <textarea matInput class="source" name="source" rows="10" spellcheck="false" [readonly]="!session.isFlowAdmin()"
            [ngModel]="source()" (ngModelChange)="source.set($event)" [attr.aria-invalid]="problems().length ? true : null" [attr.aria-describedby]="problems().length ? 'policy-problems' : null"></textarea>
        </mat-form-field>
        @if (problems().length) {
          <div role="alert" id="policy-problems">
            <p class="error">{{ 'policy.notSaved' | transloco }}</p>
            <ul class="problems">
              @for (problem of problems(); track $index) { <li class="error">{{ 'policy.problemAt' | transloco: { line: problem.line, column: problem.column } }} {{ problem.message }}</li> }
            </ul>
          </div>
        }
        @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
        <div class="actions">
          @if (session.isFlowAdmin()) { <button mat-flat-button type="submit">{{ 'policy.save' | transloco }}</button> }
          @else { <span>{{ 'policy.readOnly' | transloco }}</span> }
          @if (saved()) { <span role="status">{{ 'policy.saved' | transloco }}</span> }
          @if (updatedAt()) { <span class="count">{{ 'policy.updated' | transloco: { at: (updatedAt() | date: 'dd-MM-yyyy HH:mm'), by: updatedBy() ?? '—' } }}</span> }
        </div>
      </form>

      <h2>{{ 'policy.historyTitle' | transloco }}</h2>
      <p>{{ 'policy.historyIntro' | transloco }}</p>
      <form class="history" (ngSubmit)="loadHistory()">
        <mat-form-field>
          <mat-label>{{ 'policy.personId' | transloco }}</mat-label>
          <input matInput name="personId" inputmode="numeric" autocomplete="off" [ngModel]="personId()" (ngModelChange)="personId.set($event)" />
        </mat-form-field>
        <button mat-stroked-button type="submit" [disabled]="!personId().trim()">{{ 'policy.show' | transloco }}</button>
      </form>
      @if (historyError()) { <p class="error" role="alert">{{ historyError() }}</p> }
      @if (history(); as items) {
        @if (items.length === 0) { <p>{{ 'policy.noHistory' | transloco }}</p> }
        @else {
          <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="'policy.historyTitle' | transloco">
            <table mat-table class="full" [dataSource]="items">
              <ng-container matColumnDef="at"><th mat-header-cell *matHeaderCellDef>{{ 'policy.at' | transloco }}</th><td mat-cell *matCellDef="let h">{{ h.at | date: 'dd-MM-yyyy HH:mm' }}</td></ng-container>
              <ng-container matColumnDef="channel"><th mat-header-cell *matHeaderCellDef>{{ 'policy.channel' | transloco }}</th><td mat-cell *matCellDef="let h">{{ 'policy.channels.' + h.channel | transloco }}</td></ng-container>
              <ng-container matColumnDef="status"><th mat-header-cell *matHeaderCellDef>{{ 'policy.status' | transloco }}</th><td mat-cell *matCellDef="let h">
                {{ 'policy.statuses.' + h.status | transloco }}@if (h.until) { {{ 'policy.until' | transloco: { at: (h.until | date: 'dd-MM-yyyy HH:mm') } }} }
                @if (h.status === 'sent' && h.marketing === false) { ({{ 'policy.transactional' | transloco }}) }
              </td></ng-container>
              <ng-container matColumnDef="reason"><th mat-header-cell *matHeaderCellDef>{{ 'policy.reason' | transloco }}</th><td mat-cell *matCellDef="let h"><code>{{ h.reason ?? '' }}</code></td></ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns"></tr>
            </table>
          </div>
        }
      }
    </section>
  `,
})
export class ContactPolicyComponent {
  private readonly api = inject(Api);
  readonly session = inject(Session);
  readonly columns = ['at', 'channel', 'status', 'reason'];
  readonly problems = signal<Diagnostic[]>([]);
  readonly error = signal('');
  readonly saved = signal(false);
  readonly updatedAt = signal<string | null>(null);
  readonly updatedBy = signal<string | null>(null);
  readonly history = signal<HistoryItem[] | null>(null);
  readonly historyError = signal('');
  readonly source = signal('');
  readonly personId = signal('');

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.show(await this.api.get<PolicyDocument>('/api/contact-policy'));
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  private show(policy: PolicyDocument): void {
    this.source.set(policy.source);
    this.updatedAt.set(policy.updatedAt);
    this.updatedBy.set(policy.updatedBy);
  }

  async save(): Promise<void> {
    this.saved.set(false);
    this.error.set('');
    try {
      this.show(await this.api.put<PolicyDocument>('/api/contact-policy', { source: this.source() }));
      this.problems.set([]);
      this.saved.set(true);
    } catch (error) {
      const diagnostics = (error as { error?: { details?: { diagnostics?: Diagnostic[] } } }).error?.details?.diagnostics;
      if (diagnostics?.length) this.problems.set(diagnostics);
      else this.error.set(errorMessage(error));
    }
  }

  async loadHistory(): Promise<void> {
    this.historyError.set('');
    try {
      this.history.set((await this.api.get<ApiSchema<'ContactHistory'>>(`/api/persons/${encodeURIComponent(this.personId().trim())}/contact-history`)).items);
    } catch (error) {
      this.history.set(null);
      this.historyError.set(errorMessage(error));
    }
  }
}
