import { Component, HostListener, effect, inject, input, signal, viewChild } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { StatusSettingFormComponent } from './status-setting-form.component';
import { TaskTypeFormComponent } from './task-type-form.component';
import { mayDiscard, warnBeforeUnload, type DirtyForm } from '../core/unsaved-changes';

type StatusRow = ApiSchema<'StatusWorkflowSetting'>;
type TaskTypeRow = ApiSchema<'TaskTypeWorkflowSettings'>;

/** Seed 004: one tab per kind of workflow setting, each a list of its rows. */
export const WORKFLOW_TABS = ['task-types', 'quote-request-statuses', 'opportunity-statuses', 'intake-measures'] as const;

@Component({
  selector: 'st-workflows',
  imports: [MatIconModule, MatTableModule, MatTabsModule, RouterLink, RouterLinkActive, StatusSettingFormComponent, TaskTypeFormComponent, TranslocoPipe],
  styles: `
    .customized-link { margin-inline-start: 8px; font-size: 12px; white-space: nowrap; }
    .split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; }
    @media (max-width: 900px) { .split { grid-template-columns: 1fr; } }
    tr.selectable { cursor: pointer; }
    tr.selected { background: rgba(0, 0, 0, 0.06); }
  `,
  template: `
    <section class="page">
      <h1>{{ 'workflows.title' | transloco }}</h1>
      <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'workflows.kinds' | transloco">
        @for (tab of tabs; track tab) {
          <a mat-tab-link [routerLink]="['/workflows', tab]" routerLinkActive #link="routerLinkActive" [active]="link.isActive">{{ 'workflows.tabs.' + tab | transloco }}</a>
        }
      </nav>
      <mat-tab-nav-panel #panel>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <p class="count">{{ 'workflows.results' | transloco: { n: total() } }}</p>
        @if (kind() === 'task-types') {
          <div class="split">
          <table mat-table class="full" [dataSource]="taskTypes()">
            <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>{{ 'workflows.description' | transloco }}</th><td mat-cell *matCellDef="let row">{{ row.name }}</td></ng-container>
            <ng-container matColumnDef="onNew"><th mat-header-cell *matHeaderCellDef>{{ 'workflows.onNew' | transloco }}</th><td mat-cell *matCellDef="let row">{{ yesNo(row.onNew.active) | transloco }}</td></ng-container>
            <ng-container matColumnDef="onExpired"><th mat-header-cell *matHeaderCellDef>{{ 'workflows.onExpired' | transloco }}</th><td mat-cell *matCellDef="let row">{{ yesNo(row.onExpired.active) | transloco }}</td></ng-container>
            <ng-container matColumnDef="onCompleted"><th mat-header-cell *matHeaderCellDef>{{ 'workflows.onCompleted' | transloco }}</th><td mat-cell *matCellDef="let row">{{ yesNo(row.onCompleted.active) | transloco }}</td></ng-container>
            <tr mat-header-row *matHeaderRowDef="taskColumns"></tr>
            <tr mat-row *matRowDef="let row; columns: taskColumns" class="selectable" [class.selected]="row.id === selected()"
                tabindex="0" (click)="select(row.id)" (keydown.enter)="select(row.id)"></tr>
          </table>
          @if (selected(); as id) {
            <aside [attr.aria-label]="'workflows.settings' | transloco"><st-task-type-form [id]="id" (changed)="load(kind())" /></aside>
          }
          </div>
        } @else {
          <div class="split">
          <table mat-table class="full" [dataSource]="statuses()">
            <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>{{ 'workflows.description' | transloco }}</th><td mat-cell *matCellDef="let row"><span>{{ row.name }}</span>
              @if (row.customized && row.workflowId) {
                <a class="customized-link" data-customized routerLink="/dsl" [queryParams]="{ workflow: row.workflowId }" (click)="$event.stopPropagation()" (keydown.enter)="$event.stopPropagation()">{{ 'seedfix.customizedInDsl' | transloco }}</a>
              }
            </td></ng-container>
            <ng-container matColumnDef="active"><th mat-header-cell *matHeaderCellDef>{{ 'workflows.active' | transloco }}</th><td mat-cell *matCellDef="let row">{{ yesNo(row.active) | transloco }}</td></ng-container>
            <ng-container matColumnDef="sendReminder"><th mat-header-cell *matHeaderCellDef>{{ 'workflows.sendReminder' | transloco }}</th><td mat-cell *matCellDef="let row">{{ yesNo(row.sendReminder) | transloco }}</td></ng-container>
            <tr mat-header-row *matHeaderRowDef="statusColumns"></tr>
            <tr mat-row *matRowDef="let row; columns: statusColumns" class="selectable" [class.selected]="row.id === selected()"
                tabindex="0" (click)="select(row.id)" (keydown.enter)="select(row.id)"></tr>
          </table>
          @if (selected(); as id) {
            <aside [attr.aria-label]="'workflows.settings' | transloco"><st-status-setting-form [kind]="kind()" [id]="id" (changed)="load(kind())" /></aside>
          }
          </div>
        }
      </mat-tab-nav-panel>
    </section>
  `,
})
export class WorkflowsComponent implements DirtyForm {
  private readonly api = inject(Api);
  readonly kind = input.required<string>();
  readonly tabs = WORKFLOW_TABS;
  readonly statusColumns = ['name', 'active', 'sendReminder'];
  readonly taskColumns = ['name', 'onNew', 'onExpired', 'onCompleted'];
  readonly statuses = signal<StatusRow[]>([]);
  readonly taskTypes = signal<TaskTypeRow[]>([]);
  readonly total = signal(0);
  readonly error = signal('');
  readonly selected = signal<string | undefined>(undefined);
  private readonly dialog = inject(MatDialog);
  private readonly statusForm = viewChild(StatusSettingFormComponent);
  private readonly taskTypeForm = viewChild(TaskTypeFormComponent);

  constructor() {
    effect(() => {
      this.selected.set(undefined);
      void this.load(this.kind());
    });
  }

  /** Opens a row's form; unsaved changes in the open one are discarded only when confirmed. */
  async select(id: string): Promise<void> {
    if (id === this.selected()) return;
    if (await mayDiscard(this.dialog, this.openForm())) this.selected.set(id);
  }

  /** Whether the open form holds unsaved changes; asked before another tab or page replaces this one. */
  isDirty(): boolean {
    return this.openForm()?.isDirty() ?? false;
  }

  @HostListener('window:beforeunload', ['$event'])
  warnBeforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(event, this);
  }

  private openForm(): DirtyForm | undefined {
    return this.statusForm() ?? this.taskTypeForm();
  }

  /** The text key of a yes/no cell. */
  yesNo(value: boolean): string {
    return value ? 'common.yes' : 'common.no';
  }

  async load(kind: string): Promise<void> {
    this.error.set('');
    try {
      if (kind === 'task-types') {
        const page = await this.api.get<ApiSchema<'TaskTypeWorkflowSettingsList'>>('/api/workflow-settings/task-types');
        this.taskTypes.set(page.items);
        this.total.set(page.total);
      } else {
        const page = await this.api.get<ApiSchema<'StatusWorkflowSettingList'>>(`/api/workflow-settings/${kind}`);
        this.statuses.set(page.items);
        this.total.set(page.total);
      }
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
