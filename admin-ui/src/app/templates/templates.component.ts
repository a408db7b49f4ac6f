import { Component, HostListener, inject, signal, viewChild } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage, type Page } from '../core/api';
import { mayDiscard, warnBeforeUnload, type DirtyForm } from '../core/unsaved-changes';
import { plural } from '../i18n/dictionary';
import { TemplateEditorComponent } from './template-editor.component';

interface TemplateRow {
  id: string;
  key: string;
  name: string;
  channel: 'email' | 'sms';
  subject: string | null;
}

@Component({
  selector: 'st-templates',
  imports: [MatTableModule, TemplateEditorComponent, TranslocoPipe],
  styles: `
    .split { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 24px; align-items: start; }
    @media (max-width: 900px) { .split { grid-template-columns: 1fr; } }
    tr.selectable { cursor: pointer; }
    tr.selected { background: rgba(0, 0, 0, 0.06); }
  `,
  template: `
    <section class="page">
      <h1>{{ 'templates.title' | transloco }}</h1>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <p class="count">{{ plural('templates.count', total()) | transloco: { n: total() } }}</p>
      <div class="split">
      <table mat-table class="full" [dataSource]="rows()">
        <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>{{ 'common.name' | transloco }}</th><td mat-cell *matCellDef="let t">{{ t.name }}</td></ng-container>
        <ng-container matColumnDef="key"><th mat-header-cell *matHeaderCellDef>{{ 'templates.key' | transloco }}</th><td mat-cell *matCellDef="let t"><code>{{ t.key }}</code></td></ng-container>
        <ng-container matColumnDef="channel"><th mat-header-cell *matHeaderCellDef>{{ 'common.channel' | transloco }}</th><td mat-cell *matCellDef="let t">{{ 'common.' + t.channel | transloco }}</td></ng-container>
        <ng-container matColumnDef="subject"><th mat-header-cell *matHeaderCellDef>{{ 'common.subject' | transloco }}</th><td mat-cell *matCellDef="let t">{{ t.subject }}</td></ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns" class="selectable" [class.selected]="row.id === selected()"
            tabindex="0" (click)="select(row.id)" (keydown.enter)="select(row.id)"></tr>
      </table>
      @if (selected(); as id) {
        <aside [attr.aria-label]="'templates.edit' | transloco"><st-template-editor [id]="id" (saves)="load()" /></aside>
      }
      </div>
    </section>
  `,
})
export class TemplatesComponent implements DirtyForm {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly editor = viewChild(TemplateEditorComponent);
  readonly columns = ['name', 'key', 'channel', 'subject'];
  readonly rows = signal<TemplateRow[]>([]);
  readonly total = signal(0);
  readonly error = signal('');
  readonly selected = signal<string | undefined>(undefined);
  readonly plural = plural;

  constructor() {
    void this.load();
  }

  /** Opens a template; unsaved changes in the open one are discarded only when confirmed. */
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

  async load(): Promise<void> {
    try {
      const page = await this.api.get<Page<TemplateRow>>('/api/templates', { limit: 1000 });
      this.rows.set(page.items);
      this.total.set(page.total);
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
