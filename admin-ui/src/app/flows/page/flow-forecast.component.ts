import { Component, DestroyRef, ElementRef, effect, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Chart, registerables } from 'chart.js';
import { Api, errorMessage } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';
import { LanguageChoice } from '../../i18n/language-choice';
import { FlowStore } from './flow-store';
import { SelectionSearch, type SelectionRow } from './selection-search';
import { localeOf } from './locale-format';

Chart.register(...registerables);

/** The answer of `POST /api/flows/:id/simulate {selectionId, days}`: counts, nothing stored or sent. */
export type Forecast = ApiSchema<'FlowForecast'>;

export const FORECAST_DAYS = { min: 1, max: 366, initial: 90 } as const;

/**
 * "Voorspelling": the whole of a selection through the flow over the coming days, counted per step
 * and per day (arrivals, messages, endings) and per branch of a random split. Nobody is taken to
 * open or click; nothing is stored or sent.
 */
@Component({
  selector: 'st-flow-forecast',
  imports: [FormsModule, MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  styles: `
    form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: baseline; max-width: 1100px; }
    .selection { flex: 1 1 260px; }
    .days { width: 140px; }
    .share { width: 190px; }
    .figures { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 8px 0; }
    .figures div { display: flex; flex-direction: column; }
    .figures strong { font-size: 22px; }
    .chart { position: relative; height: 280px; max-width: 960px; }
    table { border-collapse: collapse; margin: 8px 0 16px; }
    th, td { text-align: left; padding: 4px 16px 4px 0; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; }
    h3 { margin: 20px 0 4px; font-size: 16px; }
    .kind { opacity: 0.75; }
  `,
  template: `
    <p>{{ 'forecast.intro' | transloco }}</p>
    <form (ngSubmit)="run()">
      <mat-form-field class="selection">
        <mat-label>{{ 'forecast.selection' | transloco }}</mat-label>
        <input matInput name="forecastSelection" [(ngModel)]="selectionText" (ngModelChange)="search.typed($event)" (focus)="search.typed(selectionText)"
               [matAutocomplete]="auto" autocomplete="off" data-forecast-selection />
        <mat-autocomplete #auto="matAutocomplete" [displayWith]="search.display" (optionSelected)="search.chosen.set($event.option.value)">
          @for (s of search.options(); track s.id) { <mat-option [value]="s">{{ s.name }}</mat-option> }
        </mat-autocomplete>
      </mat-form-field>
      <mat-form-field class="days">
        <mat-label>{{ 'simulation.days' | transloco }}</mat-label>
        <input matInput type="number" name="forecastDays" [min]="limits.min" [max]="limits.max" required [(ngModel)]="days" />
      </mat-form-field>
      <mat-form-field class="share">
        <mat-label>{{ 'forecast.opens' | transloco }}</mat-label>
        <input matInput type="number" name="forecastOpens" min="0" max="100" [(ngModel)]="opens" data-forecast-opens />
      </mat-form-field>
      <mat-form-field class="share">
        <mat-label>{{ 'forecast.clicks' | transloco }}</mat-label>
        <input matInput type="number" name="forecastClicks" min="0" max="100" [(ngModel)]="clicks" data-forecast-clicks />
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="!search.chosen() || busy()" data-forecast-run>{{ 'forecast.run' | transloco }}</button>
    </form>
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @if (busy()) { <p role="status">{{ 'forecast.busy' | transloco }}</p> }
    @if (result(); as r) {
      <section data-forecast [attr.aria-label]="'forecast.result' | transloco">
        <div class="figures">
          <div><span>{{ 'forecast.members' | transloco }}</span><strong>{{ n(r.persons) }}</strong></div>
          <div><span>{{ 'forecast.admitted' | transloco }}</span><strong data-forecast-admitted>{{ n(r.admitted) }}</strong></div>
          <div><span>{{ 'forecast.messages' | transloco }}</span><strong data-forecast-messages>{{ n(total(r, 'messages')) }}</strong></div>
          <div><span>{{ 'forecast.outcomes.success' | transloco }}</span><strong>{{ n(r.outcomes.success) }}</strong></div>
          <div><span>{{ 'forecast.outcomes.completed' | transloco }}</span><strong>{{ n(r.outcomes.completed) }}</strong></div>
          <div><span>{{ 'forecast.outcomes.dropout' | transloco }}</span><strong>{{ n(r.outcomes.dropout) }}</strong></div>
          <div><span>{{ 'forecast.outcomes.active' | transloco: { days: r.days } }}</span><strong>{{ n(r.outcomes.active) }}</strong></div>
        </div>
        @if (refusals(r).length) {
          <p data-forecast-refused>{{ 'forecast.refused' | transloco }}:
            @for (x of refusals(r); track x.reason; let last = $last) { {{ n(x.n) }} {{ 'simulation.reasons.' + x.reason | transloco }}@if (!last) {, } }
          </p>
        }
        <h3>{{ 'forecast.perDay' | transloco }}</h3>
        <div class="chart"><canvas #chart role="img" [attr.aria-label]="'forecast.perDay' | transloco"></canvas></div>
        <h3>{{ 'forecast.perStep' | transloco }}</h3>
        <table data-forecast-steps>
          <thead><tr><th>{{ 'simulation.step' | transloco }}</th><th>{{ 'forecast.arrivals' | transloco }}</th></tr></thead>
          <tbody>
            @for (s of steps(r); track s.id) {
              <tr><td>{{ store.titleOf(s.id) }}</td><td class="n">{{ n(s.n) }}</td></tr>
            }
          </tbody>
        </table>
        @for (split of r.splits; track split.stepId) {
          <h3>{{ 'forecast.split' | transloco: { name: store.titleOf(split.stepId) } }}</h3>
          <table data-forecast-split>
            <thead><tr><th>{{ 'forecast.branch' | transloco }}</th><th>{{ 'forecast.planned' | transloco }}</th><th>{{ 'forecast.participants' | transloco }}</th><th>{{ 'forecast.share' | transloco }}</th></tr></thead>
            <tbody>
              @for (b of split.branches; track b.name) {
                <tr><td>{{ b.name === 'holdout' ? ('forecast.holdout' | transloco) : b.name }}</td><td class="n">{{ percent(b.planned) }}</td><td class="n">{{ n(b.participants) }}</td><td class="n">{{ percent(b.share) }}</td></tr>
              }
            </tbody>
          </table>
        }
        <p class="kind">{{ 'forecast.assumptions' | transloco }}</p>
      </section>
    }
  `,
})
export class FlowForecastComponent {
  readonly store = inject(FlowStore);
  private readonly api = inject(Api);
  private readonly language = inject(LanguageChoice);
  private readonly transloco = inject(TranslocoService);
  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('chart');
  private chart: Chart | undefined;
  readonly limits = FORECAST_DAYS;
  readonly result = signal<Forecast | undefined>(undefined);
  readonly error = signal('');
  readonly busy = signal(false);
  readonly search = new SelectionSearch(this.api, (message) => this.error.set(message));
  selectionText: string | SelectionRow = '';
  days: number = FORECAST_DAYS.initial;
  /** Assumed shares of the e-mails opened and clicked, in percent. */
  opens = 0;
  clicks = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.search.stop();
      this.chart?.destroy();
    });
    // Drawn again when the language changes: the axis and series names are texts too.
    effect(() => {
      const result = this.result();
      const canvas = this.canvas();
      this.language.current();
      if (result && canvas) this.draw(result, canvas.nativeElement);
    });
  }

  async run(): Promise<void> {
    const selection = this.search.chosen();
    if (!selection) return;
    this.busy.set(true);
    this.error.set('');
    try {
      this.result.set(await this.api.post<Forecast>(`/api/flows/${this.store.flow()!.id}/simulate`, { selectionId: selection.id, days: Number(this.days), opens: Number(this.opens) || 0, clicks: Number(this.clicks) || 0 }));
    } catch (error) {
      this.result.set(undefined);
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** The flow's steps in the order of the document, with how many arrive at each. */
  steps(forecast: Forecast): { id: string; n: number }[] {
    return [...this.store.steps().keys()].map((id) => ({ id, n: forecast.perStep[id] ?? 0 }));
  }

  refusals(forecast: Forecast): { reason: string; n: number }[] {
    return Object.entries(forecast.refused).map(([reason, n]) => ({ reason, n }));
  }

  total(forecast: Forecast, what: 'arrivals' | 'messages' | 'finished'): number {
    return forecast.perDay.reduce((sum, day) => sum + day[what], 0);
  }

  n(value: number): string {
    return value.toLocaleString(localeOf(this.language.current()));
  }

  percent(share: number): string {
    return (share * 100).toLocaleString(localeOf(this.language.current()), { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + '%';
  }

  private draw(forecast: Forecast, canvas: HTMLCanvasElement): void {
    this.chart?.destroy();
    const t = (key: string) => this.transloco.translate(key);
    const locale = localeOf(this.language.current());
    const labels = forecast.perDay.map((d) => new Date(`${d.date}T12:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }));
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { type: 'bar', label: t('forecast.messages'), data: forecast.perDay.map((d) => d.messages) },
          { type: 'line', label: t('forecast.arrivals'), data: forecast.perDay.map((d) => d.arrivals), pointRadius: 0 },
          { type: 'line', label: t('forecast.finished'), data: forecast.perDay.map((d) => d.finished), pointRadius: 0 },
        ],
      },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
}
