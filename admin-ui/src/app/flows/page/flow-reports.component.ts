import { Component, type ElementRef, type OnDestroy, effect, inject, signal, viewChildren } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { Api, errorMessage } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';
import { LanguageChoice } from '../../i18n/language-choice';
import { FlowExperimentComponent } from './flow-experiment.component';
import { FlowStore } from './flow-store';
import { localeOf } from './locale-format';

Chart.register(...registerables);

type Stats = ApiSchema<'FlowStats'>;

const EMAIL_FIGURES = ['sent', 'delivered', 'bounced', 'opened', 'clicked', 'unsubscribed', 'complained'] as const;

/**
 * Reports (seed 001): enrolments over time (days in the service's time zone), participants per step,
 * per status (success), message deliveries, and per e-mail step what its messages did.
 */
@Component({
  selector: 'st-flow-reports',
  imports: [FlowExperimentComponent, MatTableModule, TranslocoPipe],
  styles: `
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(420px, 100%), 1fr)); gap: 24px; margin-top: 16px; }
    figure { margin: 0; } figcaption { font-weight: 500; margin-bottom: 8px; }
    .chart { position: relative; height: 260px; }
    .email-steps { margin-top: 24px; }
    .email-steps td.mat-mdc-cell:not(:first-child), .email-steps th.mat-mdc-header-cell:not(:first-child) { text-align: end; }
  `,
  template: `
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @if (stats(); as s) {
      <p data-success>{{ 'flowReports.success' | transloco: { rate: rate(s.successRate), succeeded: s.byStatus['completed_success'] ?? 0, enrolled: s.enrolled } }}</p>
    }
    <div class="charts">
      <figure><figcaption>{{ 'flowReports.perDay' | transloco }}</figcaption><div class="chart"><canvas #chart [attr.aria-label]="'flowReports.perDay' | transloco" role="img"></canvas></div></figure>
      <figure><figcaption>{{ 'flowReports.perStep' | transloco }}</figcaption><div class="chart"><canvas #chart [attr.aria-label]="'flowReports.perStep' | transloco" role="img"></canvas></div></figure>
      <figure><figcaption>{{ 'flowReports.perStatus' | transloco }}</figcaption><div class="chart"><canvas #chart [attr.aria-label]="'flowReports.perStatus' | transloco" role="img"></canvas></div></figure>
      <figure><figcaption>{{ 'flowReports.messages' | transloco }}</figcaption><div class="chart"><canvas #chart [attr.aria-label]="'flowReports.messagesPerStatus' | transloco" role="img"></canvas></div></figure>
    </div>
    <st-flow-experiment />
    @if (stats()?.emailSteps?.length) {
      <section class="email-steps" data-email-steps>
        <h3>{{ 'seedfix.emailSteps.title' | transloco }}</h3>
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="'seedfix.emailSteps.title' | transloco">
        <table mat-table [dataSource]="stats()!.emailSteps">
          <ng-container matColumnDef="step">
            <th mat-header-cell *matHeaderCellDef>{{ 'seedfix.emailSteps.step' | transloco }}</th>
            <td mat-cell *matCellDef="let row" [attr.title]="row.stepId">{{ store.titleOf(row.stepId) }}</td>
          </ng-container>
          @for (figure of figures; track figure) {
            <ng-container [matColumnDef]="figure">
              <th mat-header-cell *matHeaderCellDef>{{ 'seedfix.emailSteps.' + figure | transloco }}</th>
              <td mat-cell *matCellDef="let row">{{ row[figure] }}</td>
            </ng-container>
          }
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
        </div>
      </section>
    }
  `,
})
export class FlowReportsComponent implements OnDestroy {
  private readonly api = inject(Api);
  protected readonly store = inject(FlowStore);
  protected readonly figures = EMAIL_FIGURES;
  protected readonly columns = ['step', ...EMAIL_FIGURES];
  private readonly canvases = viewChildren<ElementRef<HTMLCanvasElement>>('chart');
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageChoice);
  private charts: Chart[] = [];
  readonly error = signal('');
  readonly stats = signal<Stats | undefined>(undefined);

  constructor() {
    effect(() => {
      const flow = this.store.flow();
      if (flow) void this.api.get<Stats>(`/api/flows/${flow.id}/stats`).then((s) => this.stats.set(s), (e: unknown) => this.error.set(errorMessage(e)));
    });
    // Drawn again when the language changes: the charts' labels are texts too.
    effect(() => {
      const stats = this.stats();
      const canvases = this.canvases();
      this.language.current();
      if (stats && canvases.length === 4) this.draw(stats, canvases);
    });
  }

  /** The success rate as a percentage with one decimal, written the language's way (0,5 in Dutch). */
  rate(successRate: number): string {
    return (successRate * 100).toLocaleString(localeOf(this.language.current()), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  /** A `YYYY-MM-DD` day as the language writes a short date. */
  private day(date: string): string {
    return new Date(`${date}T12:00:00Z`).toLocaleDateString(localeOf(this.language.current()), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  }

  ngOnDestroy(): void {
    for (const chart of this.charts) chart.destroy();
  }

  private draw(stats: Stats, canvases: readonly ElementRef<HTMLCanvasElement>[]): void {
    for (const chart of this.charts) chart.destroy();
    const t = (key: string) => this.transloco.translate(key);
    const bar = (labels: string[], data: number[], label: string, type: 'bar' | 'line' | 'doughnut'): ChartConfiguration => ({
      type, data: { labels, datasets: [{ label, data }] },
      options: {
        animation: false, maintainAspectRatio: false, plugins: { legend: { display: type === 'doughnut' } },
        ...(type === 'doughnut' ? {} : { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }),
      },
    });
    const configs = [
      bar(stats.enrolmentsPerDay.map((d) => this.day(d.date)), stats.enrolmentsPerDay.map((d) => d.n), t('flowReports.enrolments'), 'line'),
      bar(Object.keys(stats.bySteps), Object.values(stats.bySteps), t('flowReports.participants'), 'bar'),
      bar(Object.keys(stats.byStatus).map((k) => t(`participantStatus.${k}`)), Object.values(stats.byStatus), t('flowReports.participants'), 'doughnut'),
      bar(Object.keys(stats.messages).map((k) => t(`messageStatus.${k}`)), Object.values(stats.messages), t('flowReports.messages'), 'doughnut'),
    ];
    this.charts = configs.map((config, i) => new Chart(canvases[i]!.nativeElement, config));
  }
}
