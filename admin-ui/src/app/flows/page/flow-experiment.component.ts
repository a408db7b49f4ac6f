import { DecimalPipe } from '@angular/common';
import { Component, effect, inject, signal } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';
import { FlowStore } from './flow-store';

type Experiments = ApiSchema<'FlowExperiments'>;

/** The readout of a flow's experiments (`split random`): per branch its figures, the difference to the control and the verdict. */
@Component({
  selector: 'st-flow-experiment',
  imports: [DecimalPipe, MatTableModule, TranslocoPipe],
  styles: `
    section.experiment { margin-top: 24px; }
    .verdict { font-size: 1.1rem; font-weight: 500; }
    td.num, th.num { text-align: right; }
  `,
  template: `
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @for (experiment of experiments(); track experiment.stepId) {
      <section class="experiment" [attr.data-experiment]="experiment.stepId">
        <h2>{{ 'policy.experiment.title' | transloco: { name: experiment.split } }}</h2>
        <p class="verdict" data-verdict>{{ experiment.verdict }}</p>
        @if (experiment.winner; as winner) { <p data-winner>{{ 'policy.experiment.winner' | transloco: { branch: winner.branch, at: winner.at.slice(0, 16).replace('T', ' '), reason: winner.reason } }}</p> }
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="'policy.experiment.title' | transloco: { name: experiment.split }">
          <table mat-table class="full" [dataSource]="experiment.branches">
            <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>{{ 'policy.experiment.branch' | transloco }}</th><td mat-cell *matCellDef="let b">{{ b.name === 'holdout' ? ('policy.experiment.holdout' | transloco) : b.name }}</td></ng-container>
            <ng-container matColumnDef="participants"><th mat-header-cell *matHeaderCellDef class="num">{{ 'policy.experiment.participants' | transloco }}</th><td mat-cell *matCellDef="let b" class="num">{{ b.participants }}</td></ng-container>
            <ng-container matColumnDef="successRate"><th mat-header-cell *matHeaderCellDef class="num">{{ 'policy.experiment.successRate' | transloco }}</th><td mat-cell *matCellDef="let b" class="num">{{ b.successRate * 100 | number: '1.1-1' }}%</td></ng-container>
            <ng-container matColumnDef="opens"><th mat-header-cell *matHeaderCellDef class="num">{{ 'policy.experiment.opens' | transloco }}</th><td mat-cell *matCellDef="let b" class="num">{{ b.uniqueOpens }}</td></ng-container>
            <ng-container matColumnDef="clicks"><th mat-header-cell *matHeaderCellDef class="num">{{ 'policy.experiment.clicks' | transloco }}</th><td mat-cell *matCellDef="let b" class="num">{{ b.uniqueClicks }}</td></ng-container>
            <ng-container matColumnDef="versus"><th mat-header-cell *matHeaderCellDef>{{ 'policy.experiment.versus' | transloco }}</th><td mat-cell *matCellDef="let b">
              @if (b.versus; as v) {
                {{ 'policy.experiment.difference' | transloco: { branch: v.branch === 'holdout' ? ('policy.experiment.holdout' | transloco) : v.branch, difference: signed(v.difference), low: signed(v.ciLow), high: signed(v.ciHigh), p: v.pValue < 0.001 ? '< 0.001' : '= ' + (v.pValue | number: '1.3-3') } }}
              } @else { {{ 'policy.experiment.control' | transloco }} }
            </td></ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
        </div>
      </section>
    }
  `,
})
export class FlowExperimentComponent {
  private readonly api = inject(Api);
  private readonly store = inject(FlowStore);
  readonly columns = ['name', 'participants', 'successRate', 'opens', 'clicks', 'versus'];
  readonly experiments = signal<Experiments['items']>([]);
  readonly error = signal('');

  constructor() {
    effect(() => {
      const flow = this.store.flow();
      if (flow) void this.api.get<Experiments>(`/api/flows/${flow.id}/experiments`).then((r) => this.experiments.set(r.items), (e: unknown) => this.error.set(errorMessage(e)));
    });
  }

  /** A difference of rates in percentage points, with its sign. */
  signed(fraction: number): string {
    const points = (fraction * 100).toFixed(1);
    return fraction > 0 ? `+${points}` : points;
  }
}
