import { DatePipe } from '@angular/common';
import { Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Api, errorMessage } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { type PickedRecord, RecordPickerComponent, type RecordKind } from '../core/record-picker.component';

/** A condition as the server reports it: a leaf of the rule's `when`, or the trigger's target value. */
type ConditionTest = ApiSchema<'WorkflowConditionTest'>;
type Explanation = ApiSchema<'WorkflowExplanation'>;

/** A value as the DSL writes it: text in quotes, numbers and true/false bare. */
function literal(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** "Why did (or didn't) this e-mail go out?" for one record, chosen by name: POST /api/workflows/:id/explain. */
@Component({
  selector: 'st-explain-panel',
  imports: [DatePipe, MatButtonModule, RecordPickerComponent, TranslocoPipe],
  styles: `
    .choose { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
    .choose st-record-picker { flex: 1 1 260px; }
    .holds { color: #1b6e20; } .fails { color: #b3261e; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `,
  template: `
    <h3>{{ 'explain.title' | transloco }}</h3>
    <div class="choose">
      <st-record-picker name="explainRecord" [kind]="kind()" [label]="'explain.record' | transloco: { entity: ('explain.entities.' + entity() | transloco) }"
                        (picked)="chosen.set($event); result.set(undefined)" />
      <button mat-stroked-button type="button" (click)="explain()">{{ 'explain.submit' | transloco }}</button>
    </div>
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @if (result(); as r) {
      <section [attr.aria-label]="'explain.region' | transloco" data-explain>
        <p><strong>{{ (r.matches ? 'explain.matches' : 'explain.noMatch') | transloco }}</strong>
          @if (!r.workflow.active) { {{ 'explain.inactive' | transloco }} }</p>
        <ul>
          @for (c of r.conditions; track $index) {
            <li [class.holds]="c.holds" [class.fails]="!c.holds">
              <span aria-hidden="true">{{ c.holds ? '✓' : '✗' }}</span>
              <span class="sr-only">{{ (c.holds ? 'explain.holds' : 'explain.fails') | transloco }}:</span>
              {{ worded(c.test) }}@if (c.field) { — {{ 'explain.current' | transloco: { value: c.value === null || c.value === undefined || c.value === '' ? ('explain.emptyValue' | transloco) : literal(c.value) } }} }
            </li>
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
  private readonly transloco = inject(TranslocoService);
  readonly workflowId = input.required<string>();
  /** The record kind the workflow is about: `quote_request`, `opportunity`, `intake_measure` or `task`. */
  readonly entity = input.required<string>();
  readonly kind = computed(() => this.entity() as RecordKind);
  readonly result = signal<Explanation | undefined>(undefined);
  readonly error = signal('');
  readonly chosen = signal<PickedRecord | null>(null);
  readonly literal = literal;

  /** A condition in the chosen language: "quote_request.kind is "Offertezoek"". */
  worded(test: ConditionTest): string {
    const t = (key: string, params: Record<string, unknown>) => this.transloco.translate(`explain.tests.${key}`, params);
    const field = test.field;
    let text: string;
    switch (test.kind) {
      case 'trigger': text = t('trigger', { field, to: literal(test.to) }); break;
      case 'compare': text = t(`compare.${test.operator}`, { field, value: literal(test.value) }); break;
      case 'in': text = t('in', { field, values: test.values.map(literal).join(', ') }); break;
      case 'contains': text = t('contains', { field, value: literal(test.value) }); break;
      case 'empty': text = t(test.negated ? 'notEmpty' : 'empty', { field }); break;
      case 'changed': {
        const key = test.from !== undefined && test.to !== undefined ? 'changedFromTo' : test.from !== undefined ? 'changedFrom' : test.to !== undefined ? 'changedTo' : 'changed';
        text = t(key, { field, from: literal(test.from), to: literal(test.to) });
        break;
      }
    }
    return test.kind !== 'trigger' && test.inverted ? t('inverted', { test: text }) : text;
  }

  async explain(): Promise<void> {
    const record = this.chosen();
    this.error.set('');
    if (!record) {
      this.error.set(this.transloco.translate('explain.choose'));
      return;
    }
    try {
      this.result.set(await this.api.post<Explanation>(`/api/workflows/${this.workflowId()}/explain`, { entity: this.entity(), id: record.id }));
    } catch (error) {
      this.result.set(undefined);
      this.error.set(errorMessage(error));
    }
  }
}
