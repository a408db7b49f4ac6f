import { Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage, fieldErrors } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { plural } from '../i18n/dictionary';
import { FormDetailComponent } from './form-detail.component';

/**
 * The Forms page: every web form with the flows it enrols into, is waited for in or counts as
 * success, and how often it was submitted; create one here, and open one to rename it and to copy
 * its public address and an HTML form to embed.
 */
@Component({
  selector: 'st-forms',
  imports: [FormDetailComponent, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatTableModule, RouterLink, TranslocoPipe],
  styles: `
    .split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; }
    @media (max-width: 900px) { .split { grid-template-columns: 1fr; } }
    .create { display: flex; gap: 16px; flex-wrap: wrap; align-items: baseline; margin-bottom: 16px; }
    .create mat-form-field { flex: 1 1 200px; max-width: 320px; }
    .search { width: 100%; max-width: 420px; }
    td code { white-space: nowrap; }
    tr.selected { background: rgba(0, 0, 0, 0.06); }
    ul.flows { list-style: none; margin: 0; padding: 0; }
    ul.flows li { margin: 2px 0; }
    .use { display: inline-block; font-size: 12px; border-radius: 10px; padding: 0 8px; margin-left: 4px; background: #e8eaf6; color: #1a237e; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
  `,
  template: `
    <section class="page">
      <h1>{{ 'demo.forms.title' | transloco }}</h1>
      <p>{{ 'demo.forms.intro' | transloco }}</p>
      <form class="create" (ngSubmit)="create()" [attr.aria-label]="'demo.forms.create' | transloco">
        <mat-form-field>
          <mat-label>{{ 'demo.forms.name' | transloco }}</mat-label>
          <input matInput name="newName" autocomplete="off" [(ngModel)]="newName" (ngModelChange)="suggestKey()" [attr.aria-invalid]="createErrors()['name'] ? true : null" />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'demo.forms.key' | transloco }}</mat-label>
          <input matInput name="newKey" autocomplete="off" [(ngModel)]="newKey" (ngModelChange)="keyTouched = true" [attr.aria-invalid]="createErrors()['key'] ? true : null" />
          <mat-hint>{{ 'demo.forms.keyHint' | transloco }}</mat-hint>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="!newName.trim() || !newKey.trim()">{{ 'demo.forms.create' | transloco }}</button>
      </form>
      @for (error of createMessages(); track error.field) {
        <p class="error" role="alert">@if (error.field !== 'form') { <span>{{ 'demo.forms.' + error.field | transloco }}:</span> }{{ error.message }}</p>
      }
      <mat-form-field class="search">
        <mat-label>{{ 'demo.forms.search' | transloco }}</mat-label>
        <input matInput name="search" [ngModel]="search()" (ngModelChange)="search.set($event)" />
      </mat-form-field>
      @if (loadError()) { <p class="error" role="alert">{{ loadError() }}</p> }
      <p class="count">{{ plural('demo.forms.count', shown().length) | transloco: { n: shown().length } }}</p>
      <div [class.split]="selected()">
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="'demo.forms.title' | transloco">
          <table mat-table class="full" [dataSource]="shown()">
            <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>{{ 'demo.forms.name' | transloco }}</th><td mat-cell *matCellDef="let f">{{ f.name }}</td></ng-container>
            <ng-container matColumnDef="key"><th mat-header-cell *matHeaderCellDef>{{ 'demo.forms.key' | transloco }}</th><td mat-cell *matCellDef="let f"><code>{{ f.key }}</code></td></ng-container>
            <ng-container matColumnDef="flows"><th mat-header-cell *matHeaderCellDef>{{ 'demo.forms.flows' | transloco }}</th><td mat-cell *matCellDef="let f">
              @if (f.flows.length === 0) { <span>{{ 'demo.forms.noFlows' | transloco }}</span> }
              <ul class="flows">
                @for (flow of f.flows; track flow.id) {
                  <li><a [routerLink]="['/flows', flow.id, 'summary']">{{ flow.name }}</a>
                    @for (use of flow.uses; track use) { <span class="use">{{ 'demo.forms.uses.' + use | transloco }}</span> }
                  </li>
                }
              </ul>
            </td></ng-container>
            <ng-container matColumnDef="submissions"><th mat-header-cell *matHeaderCellDef>{{ 'demo.forms.submissions' | transloco }}</th><td mat-cell class="number" *matCellDef="let f" data-submissions>{{ f.submissions }}</td></ng-container>
            <ng-container matColumnDef="actions"><th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'demo.forms.actions' | transloco }}</span></th><td mat-cell *matCellDef="let f">
              <button mat-button type="button" (click)="selectedId.set(f.id)" [attr.aria-label]="'demo.forms.openForm' | transloco: { name: f.name }">{{ 'demo.forms.open' | transloco }}</button>
            </td></ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns" [class.selected]="row.id === selectedId()" [attr.data-form]="row.key"></tr>
          </table>
        </div>
        @if (selected(); as form) {
          <st-form-detail [form]="form" (saved)="reload()" (closed)="selectedId.set(null)" />
        }
      </div>
    </section>
  `,
})
export class FormsComponent {
  private readonly api = inject(Api);
  readonly plural = plural;
  readonly columns = ['name', 'key', 'flows', 'submissions', 'actions'];
  readonly forms = signal<ApiSchema<'FormUsage'>[]>([]);
  readonly search = signal('');
  readonly selectedId = signal<string | null>(null);
  readonly loadError = signal('');
  readonly createErrors = signal<Record<string, string>>({});
  readonly createMessages = computed(() => Object.entries(this.createErrors()).map(([field, message]) => ({ field: ['key', 'name'].includes(field) ? field : 'form', message })));
  readonly shown = computed(() => {
    const q = this.search().trim().toLowerCase();
    return q ? this.forms().filter((f) => f.name.toLowerCase().includes(q) || f.key.toLowerCase().includes(q)) : this.forms();
  });
  readonly selected = computed(() => this.forms().find((f) => f.id === this.selectedId()));
  newName = '';
  newKey = '';
  keyTouched = false;

  constructor() {
    void this.reload();
  }

  async reload(): Promise<void> {
    try {
      this.forms.set((await this.api.get<ApiSchema<'FormUsages'>>('/api/form-usage')).items);
      this.loadError.set('');
    } catch (error) {
      this.loadError.set(errorMessage(error));
    }
  }

  /** Until the key is typed in itself, it follows the name: "Neem contact op" → "neem-contact-op". */
  suggestKey(): void {
    if (this.keyTouched) return;
    this.newKey = this.newName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  async create(): Promise<void> {
    try {
      const created = await this.api.post<ApiSchema<'Form'>>('/api/forms', { key: this.newKey.trim(), name: this.newName.trim() });
      this.newName = '';
      this.newKey = '';
      this.keyTouched = false;
      this.createErrors.set({});
      await this.reload();
      this.selectedId.set(String(created.id));
    } catch (error) {
      const fields = fieldErrors(error);
      this.createErrors.set(Object.keys(fields).length ? fields : { form: errorMessage(error) });
    }
  }
}
