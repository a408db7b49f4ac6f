import { Component, effect, inject, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage } from '../../core/api';
import { FlowStore } from './flow-store';
import { LocaleNumberPipe } from './locale-format';

interface Stats {
  enrolled: number;
  byStatus: Record<string, number>;
  refused: Record<string, number>;
  bySteps: Record<string, number>;
  successRate: number;
  messages: Record<string, number>;
  enrolmentsPerDay: { date: string; n: number }[];
}


/** The flow's summary with its statistics. */
@Component({
  selector: 'st-flow-summary',
  imports: [LocaleNumberPipe, MatCardModule, TranslocoPipe],
  styles: `
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; margin-top: 16px; }
    mat-card { padding: 16px; }
    .big { font-size: 32px; }
    dl { display: grid; grid-template-columns: 1fr auto; gap: 4px 12px; margin: 0; }
  `,
  template: `
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @if (stats(); as s) {
      <div class="cards">
        <mat-card><h3>{{ 'flowSummary.enrolled' | transloco }}</h3><p class="big" data-stat="enrolled">{{ s.enrolled | stNumber }}</p></mat-card>
        <mat-card><h3>{{ 'flowSummary.successRate' | transloco }}</h3><p class="big" data-stat="success">{{ s.successRate | stNumber: 'percent' }}</p></mat-card>
        <mat-card><h3>{{ 'flowSummary.participants' | transloco }}</h3><dl>@for (e of entries(s.byStatus); track e[0]) { <dt>{{ 'participantStatus.' + e[0] | transloco }}</dt><dd>{{ e[1] | stNumber }}</dd> }</dl></mat-card>
        <mat-card><h3>{{ 'flowSummary.refused' | transloco }}</h3><dl>@for (e of entries(s.refused); track e[0]) { <dt>{{ 'refusalReason.' + e[0] | transloco }}</dt><dd>{{ e[1] | stNumber }}</dd> } @empty { <dt>{{ 'common.nobody' | transloco }}</dt><dd></dd> }</dl></mat-card>
        <mat-card><h3>{{ 'flowSummary.perStep' | transloco }}</h3><dl>@for (e of entries(s.bySteps); track e[0]) { <dt><code>{{ e[0] }}</code></dt><dd>{{ e[1] | stNumber }}</dd> } @empty { <dt>{{ 'common.nobody' | transloco }}</dt><dd></dd> }</dl></mat-card>
        <mat-card><h3>{{ 'flowSummary.messages' | transloco }}</h3><dl>@for (e of entries(s.messages); track e[0]) { <dt>{{ 'messageStatus.' + e[0] | transloco }}</dt><dd>{{ e[1] | stNumber }}</dd> } @empty { <dt>{{ 'common.noneYet' | transloco }}</dt><dd></dd> }</dl></mat-card>
      </div>
    }
  `,
})
export class FlowSummaryComponent {
  private readonly api = inject(Api);
  private readonly store = inject(FlowStore);
  readonly stats = signal<Stats | undefined>(undefined);
  readonly error = signal('');

  constructor() {
    effect(() => {
      const flow = this.store.flow();
      if (flow) void this.api.get<Stats>(`/api/flows/${flow.id}/stats`).then((s) => this.stats.set(s), (e: unknown) => this.error.set(errorMessage(e)));
    });
  }

  entries(counts: Record<string, number>): [string, number][] {
    return Object.entries(counts);
  }
}
