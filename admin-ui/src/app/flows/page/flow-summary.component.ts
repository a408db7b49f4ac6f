import { DatePipe } from '@angular/common';
import { Component, computed, effect, inject, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';
import { LanguageChoice } from '../../i18n/language-choice';
import { FlowStore } from './flow-store';
import { flowFacts } from './flow-words';
import { LocaleNumberPipe } from './locale-format';

type Stats = ApiSchema<'FlowStats'>;
type Version = ApiSchema<'DocumentVersionList'>['items'][number];

/** The flow's basic information (status, who made and changed it, triggers, filter, settings, success) in words, then its statistics. */
@Component({
  selector: 'st-flow-summary',
  imports: [DatePipe, LocaleNumberPipe, MatCardModule, TranslocoPipe],
  styles: `
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; margin-top: 16px; }
    mat-card { padding: 16px; }
    .big { font-size: 32px; }
    dl { display: grid; grid-template-columns: 1fr auto; gap: 4px 12px; margin: 0; }
    dl.basics { grid-template-columns: minmax(140px, max-content) 1fr; max-width: 900px; }
    dl.basics dt { font-weight: 500; }
    h2 { font-size: 18px; margin: 16px 0 8px; }
  `,
  template: `
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @if (store.flow(); as flow) {
      <h2>{{ 'flowPageWords.basics' | transloco }}</h2>
      <dl class="basics" data-basics>
        <dt>{{ 'flowPageWords.status' | transloco }}</dt><dd>{{ 'flowState.' + flow.status | transloco }}</dd>
        <dt>{{ 'flowPageWords.created' | transloco }}</dt><dd>{{ 'flowPageWords.byAt' | transloco: { at: (flow.createdAt | date: 'dd-MM-yyyy HH:mm'), by: first()?.author ?? '' } }}</dd>
        <dt>{{ 'flowPageWords.changed' | transloco }}</dt><dd>{{ 'flowPageWords.byAt' | transloco: { at: (flow.updatedAt | date: 'dd-MM-yyyy HH:mm'), by: last()?.author ?? '' } }} · {{ 'flowPageWords.version' | transloco }} {{ flow.version }}</dd>
        @for (fact of facts(); track fact.label) { <dt>{{ fact.label }}</dt><dd>{{ fact.text }}</dd> }
      </dl>
      <h2>{{ 'flowPageWords.statistics' | transloco }}</h2>
    }
    @if (stats(); as s) {
      <div class="cards">
        <mat-card><h3>{{ 'flowSummary.enrolled' | transloco }}</h3><p class="big" data-stat="enrolled">{{ s.enrolled | stNumber }}</p></mat-card>
        <mat-card><h3>{{ 'flowSummary.successRate' | transloco }}</h3><p class="big" data-stat="success">{{ s.successRate | stNumber: 'percent' }}</p></mat-card>
        <mat-card><h3>{{ 'flowSummary.participants' | transloco }}</h3><dl>@for (e of entries(s.byStatus); track e[0]) { <dt>{{ 'participantStatus.' + e[0] | transloco }}</dt><dd>{{ e[1] | stNumber }}</dd> }</dl></mat-card>
        <mat-card><h3>{{ 'flowSummary.refused' | transloco }}</h3><dl>@for (e of entries(s.refused); track e[0]) { <dt>{{ 'refusalReason.' + e[0] | transloco }}</dt><dd>{{ e[1] | stNumber }}</dd> } @empty { <dt>{{ 'common.nobody' | transloco }}</dt><dd></dd> }</dl></mat-card>
        <mat-card><h3>{{ 'flowSummary.perStep' | transloco }}</h3><dl>@for (e of entries(s.bySteps); track e[0]) { <dt>{{ store.titleOf(e[0]) }}</dt><dd>{{ e[1] | stNumber }}</dd> } @empty { <dt>{{ 'common.nobody' | transloco }}</dt><dd></dd> }</dl></mat-card>
        <mat-card><h3>{{ 'flowSummary.messages' | transloco }}</h3><dl>@for (e of entries(s.messages); track e[0]) { <dt>{{ 'messageStatus.' + e[0] | transloco }}</dt><dd>{{ e[1] | stNumber }}</dd> } @empty { <dt>{{ 'common.noneYet' | transloco }}</dt><dd></dd> }</dl></mat-card>
      </div>
    }
  `,
})
export class FlowSummaryComponent {
  private readonly api = inject(Api);
  readonly store = inject(FlowStore);
  private readonly language = inject(LanguageChoice);
  readonly stats = signal<Stats | undefined>(undefined);
  readonly versions = signal<Version[]>([]);
  readonly first = computed(() => this.versions().reduce<Version | undefined>((a, v) => (!a || v.version < a.version ? v : a), undefined));
  readonly last = computed(() => this.versions().reduce<Version | undefined>((a, v) => (!a || v.version > a.version ? v : a), undefined));
  readonly facts = computed(() => {
    this.language.current(); // the words follow the chosen language
    const ast = this.store.ast();
    return ast ? flowFacts(ast) : [];
  });
  readonly error = signal('');

  constructor() {
    effect(() => {
      const flow = this.store.flow();
      if (!flow) return;
      void this.api.get<Stats>(`/api/flows/${flow.id}/stats`).then((s) => this.stats.set(s), (e: unknown) => this.error.set(errorMessage(e)));
      void this.api.get<ApiSchema<'DocumentVersionList'>>(`/api/flows/${flow.id}/versions`).then((page) => this.versions.set(page.items), () => this.versions.set([]));
    });
  }

  entries(counts: Record<string, number>): [string, number][] {
    return Object.entries(counts);
  }
}
