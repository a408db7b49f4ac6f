import { DatePipe } from '@angular/common';
import { Component, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule, MatMenuTrigger } from '@angular/material/menu';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, translate } from '@jsverse/transloco';
import { Api, errorMessage } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { Session } from '../core/session';
import { plural } from '../i18n/dictionary';
import { FlowActions } from './flow-actions';

type FlowList = ApiSchema<'FlowList'>;
/** A flow in the list, with its participants per status. */
type FlowRow = FlowList['items'][number];

type Tab = 'all' | 'recent' | 'running';
/** "Recent": changed in the last 30 days. */
const RECENT_DAYS = 30;

/**
 * Flows (seed 001): all, recent or running; searchable; as a sortable list or as tiles. Each flow
 * has a task menu (a row's ⋮ button, a right click on the row, a tile's menu): open, edit, copy, delete.
 */
@Component({
  selector: 'st-flows',
  imports: [
    DatePipe, FormsModule, MatButtonModule, MatButtonToggleModule, MatCardModule, MatFormFieldModule, MatInputModule, MatMenuModule,
    MatSortModule, MatTableModule, MatTabsModule, MatTooltipModule, RouterLink, TranslocoPipe,
  ],
  styles: `
    header { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
    header h1 { flex: 1; margin: 0; }
    .bar { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin-top: 8px; }
    .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px; }
    mat-card { padding: 16px; }
    mat-card h2 { font-size: 18px; margin: 0 0 8px; display: flex; align-items: center; gap: 8px; }
    mat-card h2 a { flex: 1; }
    .context-anchor { position: fixed; width: 1px; height: 1px; visibility: hidden; }
    tr.mat-mdc-row { cursor: context-menu; }
    .actions { width: 48px; text-align: end; }
  `,
  template: `
    <section class="page">
      <header>
        <h1>{{ 'flows.title' | transloco }}</h1>
        <span [matTooltip]="session.isFlowAdmin() ? '' : ('flowActions.onlyAdmins' | transloco)">
          <button mat-flat-button type="button" data-new-flow (click)="create()" [disabled]="!session.isFlowAdmin()">{{ 'flowActions.new' | transloco }}</button>
        </span>
      </header>
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
      @if (notice()) { <p class="notice" role="status">{{ notice() }}</p> }
      <p class="count">{{ plural('flows.count', rows().length) | transloco: { n: rows().length } }}</p>
      @if (view === 'list') {
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="'flows.title' | transloco">
        <table mat-table class="full" [dataSource]="sorted()" matSort (matSortChange)="sortBy($event)">
          <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'common.name' | transloco }}</th><td mat-cell *matCellDef="let f"><a [routerLink]="['/flows', f.id]">{{ f.name }}</a></td></ng-container>
          <ng-container matColumnDef="status"><th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'common.status' | transloco }}</th><td mat-cell *matCellDef="let f"><span class="state" [attr.data-state]="f.status">{{ 'flowState.' + f.status | transloco }}</span></td></ng-container>
          <ng-container matColumnDef="active"><th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'flows.activeParticipants' | transloco }}</th><td mat-cell *matCellDef="let f">{{ f.participants.active ?? 0 }}</td></ng-container>
          <ng-container matColumnDef="done"><th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'flows.done' | transloco }}</th><td mat-cell *matCellDef="let f">{{ done(f) }}</td></ng-container>
          <ng-container matColumnDef="updated"><th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'flows.updated' | transloco }}</th><td mat-cell *matCellDef="let f">{{ f.updatedAt | date: 'dd-MM-yyyy' }}</td></ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef class="actions"><span class="cdk-visually-hidden">{{ 'flowActions.menu' | transloco }}</span></th>
            <td mat-cell *matCellDef="let f" class="actions">
              <button mat-icon-button type="button" [matMenuTriggerFor]="menu" [matMenuTriggerData]="{ flow: f }" [attr.aria-label]="'flowActions.menuOf' | transloco: { name: f.name }">⋮</button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns" (contextmenu)="contextMenu($event, row)" [attr.data-flow]="row.name"></tr>
        </table>
        </div>
      } @else {
        <div class="tiles">
          @for (f of sorted(); track f.id) {
            <mat-card (contextmenu)="contextMenu($event, f)" [attr.data-flow]="f.name">
              <h2>
                <a [routerLink]="['/flows', f.id]">{{ f.name }}</a>
                <button mat-icon-button type="button" [matMenuTriggerFor]="menu" [matMenuTriggerData]="{ flow: f }" [attr.aria-label]="'flowActions.menuOf' | transloco: { name: f.name }">⋮</button>
              </h2>
              <p><span class="state" [attr.data-state]="f.status">{{ 'flowState.' + f.status | transloco }}</span> · {{ 'flows.updatedOn' | transloco: { date: (f.updatedAt | date: 'dd-MM-yyyy') } }}</p>
              <p>{{ 'flows.tile' | transloco: { active: f.participants['active'] ?? 0, done: done(f) } }}</p>
            </mat-card>
          }
        </div>
      }
      <div class="context-anchor" [style.left.px]="contextAt().x" [style.top.px]="contextAt().y" [matMenuTriggerFor]="menu" [matMenuTriggerData]="{ flow: contextFlow() }" #contextTrigger="matMenuTrigger"></div>
      <mat-menu #menu="matMenu">
        <ng-template matMenuContent let-flow="flow">
          <button mat-menu-item type="button" (click)="actions.open(flow)">{{ 'flowActions.open' | transloco }}</button>
          <button mat-menu-item type="button" (click)="actions.edit(flow)">{{ (session.isFlowAdmin() ? 'flowActions.edit' : 'flowActions.view') | transloco }}</button>
          <span [matTooltip]="session.isFlowAdmin() ? '' : ('flowActions.onlyAdmins' | transloco)">
            <button mat-menu-item type="button" (click)="copy(flow)" [disabled]="!session.isFlowAdmin()">{{ 'flowActions.copy' | transloco }}</button>
          </span>
          <span [matTooltip]="removeHint(flow)">
            <button mat-menu-item type="button" (click)="remove(flow)" [disabled]="!session.isFlowAdmin()">{{ 'flowActions.remove' | transloco }}</button>
          </span>
        </ng-template>
      </mat-menu>
    </section>
  `,
})
export class FlowsComponent {
  private readonly api = inject(Api);
  readonly actions = inject(FlowActions);
  readonly session = inject(Session);
  readonly columns = ['name', 'status', 'active', 'done', 'updated', 'actions'];
  readonly plural = plural;
  readonly rows = signal<FlowRow[]>([]);
  readonly sorted = signal<FlowRow[]>([]);
  readonly error = signal('');
  readonly notice = signal('');
  readonly contextAt = signal({ x: 0, y: 0 });
  readonly contextFlow = signal<FlowRow | undefined>(undefined);
  private readonly contextTrigger = viewChild<MatMenuTrigger>('contextTrigger');
  q = '';
  view: 'list' | 'tiles' = 'list';
  private current: Tab = 'all';
  private order: Sort = { active: '', direction: '' };

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

  create(): Promise<void> {
    return this.actions.create();
  }

  /** A right click on a row or tile opens the same task menu where the pointer is. */
  contextMenu(event: MouseEvent, flow: FlowRow): void {
    event.preventDefault();
    this.contextFlow.set(flow);
    this.contextAt.set({ x: event.clientX, y: event.clientY });
    const trigger = this.contextTrigger();
    if (!trigger) return;
    trigger.menuData = { flow };
    // The anchor moves to the pointer first, then the menu opens beside it.
    setTimeout(() => trigger.openMenu());
  }

  removeHint(flow: FlowRow): string {
    if (!this.session.isFlowAdmin()) return translate('flowActions.onlyAdmins');
    return flow.status === 'running' ? translate('flowActions.pauseFirst') : '';
  }

  async copy(flow: FlowRow): Promise<void> {
    await this.attempt(async () => {
      const copy = await this.actions.copy(flow);
      await this.load();
      this.notice.set(translate('flowActions.copied', { name: copy.name }));
    });
  }

  async remove(flow: FlowRow): Promise<void> {
    await this.attempt(async () => {
      if (!(await this.actions.remove(flow))) return;
      await this.load();
      this.notice.set(translate('flowActions.removed', { name: flow.name }));
    });
  }

  sortBy(sort: Sort): void {
    this.order = sort;
    this.sorted.set(this.ordered(this.rows()));
  }

  async load(): Promise<void> {
    try {
      const page = await this.api.get<FlowList>('/api/flows', { q: this.q, status: this.current === 'running' ? 'running' : undefined, limit: 1000 });
      const since = Date.now() - RECENT_DAYS * 86_400_000;
      const rows = this.current === 'recent'
        ? page.items.filter((f) => new Date(f.updatedAt).getTime() >= since).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        : page.items;
      this.rows.set(rows);
      this.sorted.set(this.ordered(rows));
      this.error.set('');
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  private ordered(rows: FlowRow[]): FlowRow[] {
    const { active, direction } = this.order;
    if (!active || !direction) return rows;
    const key = (flow: FlowRow): string | number => {
      switch (active) {
        case 'status': return translate(`flowState.${flow.status}`);
        case 'active': return flow.participants['active'] ?? 0;
        case 'done': return this.done(flow);
        case 'updated': return flow.updatedAt;
        default: return flow.name.toLocaleLowerCase();
      }
    };
    const sign = direction === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true }));
    });
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.error.set('');
    this.notice.set('');
    try {
      await action();
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
