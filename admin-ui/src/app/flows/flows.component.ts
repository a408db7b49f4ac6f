import { DatePipe } from '@angular/common';
import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage, type Page } from '../core/api';
import { plural } from '../i18n/dictionary';

interface FlowRow {
  id: string;
  name: string;
  status: 'not_running' | 'running' | 'paused';
  updatedAt: string;
  participants: Record<string, number>;
}

type Tab = 'all' | 'recent' | 'running';
/** "Recent": changed in the last 30 days. */
const RECENT_DAYS = 30;

/** Flows (seed 001): all, recent or running; searchable; as a list or as tiles, with participants per status. */
@Component({
  selector: 'st-flows',
  imports: [DatePipe, FormsModule, MatButtonToggleModule, MatCardModule, MatFormFieldModule, MatInputModule, MatTableModule, MatTabsModule, RouterLink, TranslocoPipe],
  styles: `
    .bar { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin-top: 8px; }
    .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px; }
    mat-card { padding: 16px; }
    mat-card h2 { font-size: 18px; margin: 0 0 8px; }
  `,
  template: `
    <section class="page">
      <h1>{{ 'flows.title' | transloco }}</h1>
      <mat-tab-group (selectedIndexChange)="tab($event)" [attr.aria-label]="'flows.which' | transloco">
        <mat-tab [label]="'flows.all' | transloco" />
        <mat-tab [label]="'flows.recent' | transloco" />
        <mat-tab [label]="'flowState.running' | transloco" />
      </mat-tab-group>
      <div class="bar">
        <mat-form-field>
          <mat-label>{{ 'flows.search' | transloco }}</mat-label>
          <input matInput [(ngModel)]="q" (input)="load()" />
        </mat-form-field>
        <mat-button-toggle-group [(ngModel)]="view" [attr.aria-label]="'flows.view' | transloco">
          <mat-button-toggle value="list">{{ 'flows.list' | transloco }}</mat-button-toggle>
          <mat-button-toggle value="tiles">{{ 'flows.tiles' | transloco }}</mat-button-toggle>
        </mat-button-toggle-group>
      </div>
      @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
      <p class="count">{{ plural('flows.count', rows().length) | transloco: { n: rows().length } }}</p>
      @if (view === 'list') {
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="'flows.title' | transloco">
        <table mat-table class="full" [dataSource]="rows()">
          <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>{{ 'common.name' | transloco }}</th><td mat-cell *matCellDef="let f"><a [routerLink]="['/flows', f.id]">{{ f.name }}</a></td></ng-container>
          <ng-container matColumnDef="status"><th mat-header-cell *matHeaderCellDef>{{ 'common.status' | transloco }}</th><td mat-cell *matCellDef="let f"><span class="state" [attr.data-state]="f.status">{{ 'flowState.' + f.status | transloco }}</span></td></ng-container>
          <ng-container matColumnDef="active"><th mat-header-cell *matHeaderCellDef>{{ 'flows.activeParticipants' | transloco }}</th><td mat-cell *matCellDef="let f">{{ f.participants.active ?? 0 }}</td></ng-container>
          <ng-container matColumnDef="done"><th mat-header-cell *matHeaderCellDef>{{ 'flows.done' | transloco }}</th><td mat-cell *matCellDef="let f">{{ done(f) }}</td></ng-container>
          <ng-container matColumnDef="updated"><th mat-header-cell *matHeaderCellDef>{{ 'flows.updated' | transloco }}</th><td mat-cell *matCellDef="let f">{{ f.updatedAt | date: 'dd-MM-yyyy' }}</td></ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
        </div>
      } @else {
        <div class="tiles">
          @for (f of rows(); track f.id) {
            <mat-card>
              <h2><a [routerLink]="['/flows', f.id]">{{ f.name }}</a></h2>
              <p><span class="state" [attr.data-state]="f.status">{{ 'flowState.' + f.status | transloco }}</span> · {{ 'flows.updatedOn' | transloco: { date: (f.updatedAt | date: 'dd-MM-yyyy') } }}</p>
              <p>{{ 'flows.tile' | transloco: { active: f.participants['active'] ?? 0, done: done(f) } }}</p>
            </mat-card>
          }
        </div>
      }
    </section>
  `,
})
export class FlowsComponent {
  private readonly api = inject(Api);
  readonly columns = ['name', 'status', 'active', 'done', 'updated'];
  readonly plural = plural;
  readonly rows = signal<FlowRow[]>([]);
  readonly error = signal('');
  q = '';
  view: 'list' | 'tiles' = 'list';
  private current: Tab = 'all';

  constructor() {
    void this.load();
  }

  tab(index: number): void {
    this.current = (['all', 'recent', 'running'] as const)[index] ?? 'all';
    void this.load();
  }

  done(flow: FlowRow): number {
    return (flow.participants['completed'] ?? 0) + (flow.participants['completed_success'] ?? 0);
  }

  async load(): Promise<void> {
    try {
      const page = await this.api.get<Page<FlowRow>>('/api/flows', { q: this.q, status: this.current === 'running' ? 'running' : undefined, limit: 1000 });
      const since = Date.now() - RECENT_DAYS * 86_400_000;
      const rows = this.current === 'recent'
        ? page.items.filter((f) => new Date(f.updatedAt).getTime() >= since).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        : page.items;
      this.rows.set(rows);
      this.error.set('');
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
