import { Component, type ElementRef, type OnDestroy, effect, inject, signal, viewChildren } from '@angular/core';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { Api, errorMessage } from '../../core/api';
import { MESSAGE_STATUS, PARTICIPANT_STATUS } from '../../core/labels';
import { FlowStore } from './flow-store';

Chart.register(...registerables);

interface Stats {
  enrolled: number;
  byStatus: Record<string, number>;
  bySteps: Record<string, number>;
  successRate: number;
  messages: Record<string, number>;
  enrolmentsPerDay: { date: string; n: number }[];
}


/** Reports (seed 001): enrolments over time, participants per step, per status (success), message deliveries. */
@Component({
  selector: 'st-flow-reports',
  styles: `
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 24px; margin-top: 16px; }
    figure { margin: 0; } figcaption { font-weight: 500; margin-bottom: 8px; }
  `,
  template: `
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    <p data-success>Succesratio: {{ success() }}</p>
    <div class="charts">
      <figure><figcaption>Inschrijvingen per dag</figcaption><canvas #chart aria-label="Inschrijvingen per dag" role="img"></canvas></figure>
      <figure><figcaption>Actieve deelnemers per stap</figcaption><canvas #chart aria-label="Actieve deelnemers per stap" role="img"></canvas></figure>
      <figure><figcaption>Deelnemers per status</figcaption><canvas #chart aria-label="Deelnemers per status" role="img"></canvas></figure>
      <figure><figcaption>Berichten</figcaption><canvas #chart aria-label="Berichten per status" role="img"></canvas></figure>
    </div>
  `,
})
export class FlowReportsComponent implements OnDestroy {
  private readonly api = inject(Api);
  private readonly store = inject(FlowStore);
  private readonly canvases = viewChildren<ElementRef<HTMLCanvasElement>>('chart');
  private charts: Chart[] = [];
  readonly error = signal('');
  readonly success = signal('');

  constructor() {
    effect(() => {
      const flow = this.store.flow();
      const canvases = this.canvases();
      if (flow && canvases.length === 4) void this.api.get<Stats>(`/api/flows/${flow.id}/stats`).then((s) => this.draw(s, canvases), (e: unknown) => this.error.set(errorMessage(e)));
    });
  }

  ngOnDestroy(): void {
    for (const chart of this.charts) chart.destroy();
  }

  private draw(stats: Stats, canvases: readonly ElementRef<HTMLCanvasElement>[]): void {
    for (const chart of this.charts) chart.destroy();
    this.success.set(`${(stats.successRate * 100).toFixed(1)}% (${stats.byStatus['completed_success'] ?? 0} van ${stats.enrolled})`);
    const bar = (labels: string[], data: number[], label: string, type: 'bar' | 'line' | 'doughnut'): ChartConfiguration => ({
      type, data: { labels, datasets: [{ label, data }] }, options: { animation: false, plugins: { legend: { display: type === 'doughnut' } } },
    });
    const configs = [
      bar(stats.enrolmentsPerDay.map((d) => d.date), stats.enrolmentsPerDay.map((d) => d.n), 'Inschrijvingen', 'line'),
      bar(Object.keys(stats.bySteps), Object.values(stats.bySteps), 'Deelnemers', 'bar'),
      bar(Object.keys(stats.byStatus).map((k) => PARTICIPANT_STATUS[k] ?? k), Object.values(stats.byStatus), 'Deelnemers', 'doughnut'),
      bar(Object.keys(stats.messages).map((k) => MESSAGE_STATUS[k] ?? k), Object.values(stats.messages), 'Berichten', 'doughnut'),
    ];
    this.charts = configs.map((config, i) => new Chart(canvases[i]!.nativeElement, config));
  }
}
