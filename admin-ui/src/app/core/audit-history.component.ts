import { DatePipe } from '@angular/common';
import { Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage } from './api';
import type { ApiSchema } from './api-schema';
import { Session } from './session';

type AuditEntry = ApiSchema<'AuditEntry'>;

/**
 * Who changed a workflow or flow, when, and what it was before and after (the audit log; flow
 * administrators only, as the API). Shown beside each workflow and flow.
 */
@Component({
  selector: 'st-audit-history',
  imports: [DatePipe, MatButtonModule, TranslocoPipe],
  styles: `
    ol { padding-left: 0; list-style: none; margin: 0; }
    li { margin: 6px 0; }
    .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
    pre { background: #f5f5f5; padding: 8px; overflow: auto; font-size: 12px; max-height: 240px; margin: 4px 0; }
    @media (max-width: 900px) { .sides { grid-template-columns: 1fr; } }
  `,
  template: `
    @if (session.isFlowAdmin()) {
      <section [attr.aria-label]="'audit.title' | transloco">
        <h3>{{ 'audit.title' | transloco }}</h3>
        @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
        <ol>
          @for (e of entries(); track e.id) {
            <li data-audit-entry>
              {{ e.at | date: 'dd-MM-yyyy HH:mm' }} · {{ e.actorName }} · <strong>{{ 'audit.actions.' + e.action | transloco }}</strong>
              <button mat-button type="button" (click)="toggle(e.id)" [attr.aria-expanded]="open() === e.id">
                {{ (open() === e.id ? 'audit.hide' : 'audit.show') | transloco }}
              </button>
              @if (open() === e.id) {
                <div class="sides">
                  <div><h4>{{ 'audit.before' | transloco }}</h4><pre>{{ text(e.before) }}</pre></div>
                  <div><h4>{{ 'audit.after' | transloco }}</h4><pre>{{ text(e.after) }}</pre></div>
                </div>
              }
            </li>
          } @empty {
            <li>{{ 'audit.none' | transloco }}</li>
          }
        </ol>
      </section>
    }
  `,
})
export class AuditHistoryComponent {
  private readonly api = inject(Api);
  readonly session = inject(Session);
  readonly subject = input.required<'workflow' | 'flow'>();
  readonly subjectId = input.required<string>();
  /** Bump to reload after a change made on the page. */
  readonly revision = input<unknown>(0);
  readonly entries = signal<AuditEntry[]>([]);
  readonly open = signal<string | undefined>(undefined);
  readonly error = signal('');

  constructor() {
    effect(() => {
      const [subject, id] = [this.subject(), this.subjectId()];
      this.revision();
      if (!this.session.isFlowAdmin()) return;
      void this.api.get<ApiSchema<'AuditEntryPage'>>('/api/audit', { subject, subjectId: id, limit: 20 }).then(
        (page) => this.entries.set(page.items),
        (e: unknown) => this.error.set(errorMessage(e)),
      );
    });
  }

  toggle(id: string): void {
    this.open.set(this.open() === id ? undefined : id);
  }

  /** A rule's source as it reads; anything else as JSON. */
  text(state: AuditEntry['before']): string {
    if (state === null) return '—';
    if (typeof state.source === 'string') return Object.keys(state).length === 1 ? state.source : `${JSON.stringify({ ...state, source: undefined }, null, 2)}\n\n${state.source}`;
    return JSON.stringify(state, null, 2);
  }
}
