import { DatePipe } from '@angular/common';
import { Component, HostListener, computed, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router } from '@angular/router';
import { TranslocoPipe, translate } from '@jsverse/transloco';
import { Api, errorMessage } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { Session } from '../core/session';
import { mayDiscard, warnBeforeUnload, type DirtyForm } from '../core/unsaved-changes';
import { plural } from '../i18n/dictionary';
import { TemplateActions } from './template-actions';
import { TemplateEditorComponent, type Template } from './template-editor.component';
import { TemplateUsageComponent } from './template-usage.component';

const SEARCH_DELAY_MS = 250;

/**
 * Templates: search, a list with channel, last change and where each is used, a task menu per row
 * (open, copy, delete) and "Nieuw sjabloon". A row opens the template beside the list; a designed
 * e-mail opens in the designer on its own page.
 */
@Component({
  selector: 'st-templates',
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatMenuModule, MatTableModule, MatTooltipModule, TemplateEditorComponent, TemplateUsageComponent, TranslocoPipe],
  styles: `
    .split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; }
    @media (max-width: 1100px) { .split { grid-template-columns: 1fr; } }
    .tools { display: flex; flex-wrap: wrap; gap: 16px; align-items: baseline; }
    .tools mat-form-field { flex: 1 1 260px; max-width: 420px; }
    tr.selectable { cursor: pointer; }
    tr.selected { background: rgba(0, 0, 0, 0.06); }
    .notice { color: #1b6e20; }
    td.usage { font-size: 13px; }
    .page { max-width: 1600px; }
    td.updated { white-space: nowrap; }
  `,
  template: `
    <section class="page">
      <h1>{{ 'templates.title' | transloco }}</h1>
      <div class="tools">
        <button mat-flat-button type="button" (click)="create()" data-new-template>{{ 'content.new' | transloco }}</button>
        <mat-form-field>
          <mat-label>{{ 'content.search' | transloco }}</mat-label>
          <input matInput type="search" name="q" [(ngModel)]="q" (ngModelChange)="search()" autocomplete="off" />
        </mat-form-field>
      </div>
      @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
      @if (notice()) { <p class="notice" role="status">{{ notice() }}</p> }
      <p class="count">{{ plural('templates.count', total()) | transloco: { n: total() } }}</p>
      <div class="split">
      <div class="table-scroll">
      <table mat-table class="full" [dataSource]="rows()">
        <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>{{ 'common.name' | transloco }}</th><td mat-cell *matCellDef="let t">{{ t.name }}</td></ng-container>
        <ng-container matColumnDef="key"><th mat-header-cell *matHeaderCellDef>{{ 'templates.key' | transloco }}</th><td mat-cell *matCellDef="let t"><code>{{ t.key }}</code></td></ng-container>
        <ng-container matColumnDef="channel"><th mat-header-cell *matHeaderCellDef>{{ 'common.channel' | transloco }}</th>
          <td mat-cell *matCellDef="let t">{{ 'common.' + t.channel | transloco }}@if (t.format === 'mjml') { ({{ 'content.formats.mjml' | transloco }}) }</td></ng-container>
        <ng-container matColumnDef="subject"><th mat-header-cell *matHeaderCellDef>{{ 'common.subject' | transloco }}</th><td mat-cell *matCellDef="let t">{{ t.subject }}</td></ng-container>
        <ng-container matColumnDef="updated"><th mat-header-cell *matHeaderCellDef>{{ 'content.columns.updated' | transloco }}</th><td mat-cell class="updated" *matCellDef="let t">{{ t.updatedAt | date: 'd-M-yyyy HH:mm' }}</td></ng-container>
        <ng-container matColumnDef="usage"><th mat-header-cell *matHeaderCellDef>{{ 'content.columns.usage' | transloco }}</th>
          <td mat-cell class="usage" *matCellDef="let t" (click)="$event.stopPropagation()"><st-template-usage [templateId]="t.id" [bare]="true" /></td></ng-container>
        <ng-container matColumnDef="actions"><th mat-header-cell *matHeaderCellDef>{{ 'content.columns.actions' | transloco }}</th>
          <td mat-cell *matCellDef="let t" (click)="$event.stopPropagation()">
            <button mat-icon-button type="button" [matMenuTriggerFor]="menu" [matMenuTriggerData]="{ t }" [attr.aria-label]="'content.menuOf' | transloco: { name: t.name }">⋮</button>
          </td></ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()" class="selectable" [class.selected]="row.id === selected()"
            tabindex="0" (click)="select(row.id)" (keydown.enter)="select(row.id)"></tr>
      </table>
      </div>
      @if (selected(); as id) {
        <aside [attr.aria-label]="'templates.edit' | transloco"><st-template-editor [id]="id" (saves)="load()" /></aside>
      }
      </div>
      <mat-menu #menu="matMenu">
        <ng-template matMenuContent let-t="t">
          <button mat-menu-item type="button" (click)="open(t)">{{ 'content.open' | transloco }}</button>
          <button mat-menu-item type="button" (click)="copy(t)">{{ 'content.copy' | transloco }}</button>
          <span [matTooltip]="session.isFlowAdmin() ? '' : ('content.onlyAdmins' | transloco)">
            <button mat-menu-item type="button" (click)="remove(t)" [disabled]="!session.isFlowAdmin()">{{ 'content.remove' | transloco }}</button>
          </span>
        </ng-template>
      </mat-menu>
    </section>
  `,
})
export class TemplatesComponent implements DirtyForm {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly actions = inject(TemplateActions);
  readonly session = inject(Session);
  private readonly editor = viewChild(TemplateEditorComponent);
  /** Beside an open editor the list keeps what tells templates apart and where they are used. */
  readonly columns = computed(() => (this.selected() ? ['name', 'channel', 'usage', 'actions'] : ['name', 'key', 'channel', 'subject', 'updated', 'usage', 'actions']));
  readonly rows = signal<Template[]>([]);
  readonly total = signal(0);
  readonly error = signal('');
  readonly notice = signal('');
  readonly selected = signal<string | undefined>(undefined);
  readonly plural = plural;
  q = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.load();
  }

  /** Opens a template beside the list; unsaved changes in the open one are discarded only when confirmed. */
  async select(id: string): Promise<void> {
    if (id === this.selected()) return;
    if (await mayDiscard(this.dialog, this)) this.selected.set(id);
  }

  isDirty(): boolean {
    return this.editor()?.isDirty() ?? false;
  }

  @HostListener('window:beforeunload', ['$event'])
  warnBeforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(event, this);
  }

  search(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), SEARCH_DELAY_MS);
  }

  create(): Promise<void> {
    return this.actions.create();
  }

  open(template: Template): Promise<boolean> {
    return this.router.navigate(['/templates', template.id]);
  }

  async copy(template: Template): Promise<void> {
    await this.attempt(async () => {
      const copy = await this.actions.copy(template.id);
      await this.load();
      this.notice.set(translate('content.copied', { name: copy.name }));
    });
  }

  async remove(template: Template): Promise<void> {
    await this.attempt(async () => {
      if (!(await this.actions.remove(template))) return;
      if (this.selected() === template.id) this.selected.set(undefined);
      await this.load();
      this.notice.set(translate('content.removed', { name: template.name }));
    });
  }

  async load(): Promise<void> {
    try {
      const page = await this.api.get<ApiSchema<'TemplateList'>>('/api/templates', { limit: 1000, q: this.q.trim() || undefined });
      this.rows.set([...page.items].sort((a, b) => a.name.localeCompare(b.name, 'nl')));
      this.total.set(page.total);
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.error.set('');
    this.notice.set('');
    try {
      await action();
    } catch (error) {
      this.error.set(error instanceof Error ? error.message : errorMessage(error));
    }
  }
}
