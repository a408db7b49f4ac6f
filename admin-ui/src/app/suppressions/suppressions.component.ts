import { DatePipe } from '@angular/common';
import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage, fieldErrors } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { PagedList } from '../core/paged-list';
import { Session } from '../core/session';
import { plural } from '../i18n/dictionary';

type Suppression = ApiSchema<'Suppression'>;

/** The suppression list: addresses no e-mail goes to, why and since when; an administrator adds and removes them. */
@Component({
  selector: 'st-suppressions',
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatPaginatorModule, MatTableModule, TranslocoPipe],
  styles: `
    .add { display: flex; gap: 16px; flex-wrap: wrap; align-items: baseline; }
    .add mat-form-field { flex: 1 1 260px; max-width: 420px; }
  `,
  template: `
    <section class="page">
      <h1>{{ 'suppressions.title' | transloco }}</h1>
      <p>{{ 'suppressions.intro' | transloco }}</p>
      @if (session.isFlowAdmin()) {
      <form class="add" (ngSubmit)="add()">
        <mat-form-field>
          <mat-label>{{ 'suppressions.address' | transloco }}</mat-label>
          <input matInput name="address" type="email" autocomplete="off" [(ngModel)]="address" [attr.aria-invalid]="addError() ? true : null" [attr.aria-describedby]="addError() ? 'suppression-add-error' : null" />
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="!address.trim()">{{ 'suppressions.add' | transloco }}</button>
      </form>
      @if (addError()) { <p class="error" role="alert" id="suppression-add-error">{{ addError() }}</p> }
      }
      <mat-form-field>
        <mat-label>{{ 'suppressions.search' | transloco }}</mat-label>
        <input matInput name="search" [(ngModel)]="search" (change)="list.reload()" />
      </mat-form-field>
      @if (list.error()) { <p class="error" role="alert">{{ list.error() }}</p> }
      <p class="count">{{ plural('suppressions.count', list.total()) | transloco: { n: list.total() } }}</p>
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="'suppressions.title' | transloco">
        <table mat-table class="full" [dataSource]="list.rows()">
          <ng-container matColumnDef="address"><th mat-header-cell *matHeaderCellDef>{{ 'suppressions.address' | transloco }}</th><td mat-cell *matCellDef="let s">{{ s.address }}</td></ng-container>
          <ng-container matColumnDef="reason"><th mat-header-cell *matHeaderCellDef>{{ 'suppressions.reason' | transloco }}</th><td mat-cell *matCellDef="let s">{{ 'suppressions.reasons.' + s.reason | transloco }}</td></ng-container>
          <ng-container matColumnDef="createdAt"><th mat-header-cell *matHeaderCellDef>{{ 'suppressions.since' | transloco }}</th><td mat-cell *matCellDef="let s">{{ s.createdAt | date: 'dd-MM-yyyy HH:mm' }}</td></ng-container>
          <ng-container matColumnDef="actions"><th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'suppressions.actions' | transloco }}</span></th><td mat-cell *matCellDef="let s">
            @if (session.isFlowAdmin()) { <button mat-button type="button" (click)="remove(s)" [attr.aria-label]="'suppressions.removeAddress' | transloco: { address: s.address }">{{ 'suppressions.remove' | transloco }}</button> }
          </td></ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
      <mat-paginator [length]="list.total()" [pageSize]="list.pageSize" [pageSizeOptions]="[25, 50, 100]" (page)="list.page($event)" [attr.aria-label]="'paginator.pages' | transloco" />
    </section>
  `,
})
export class SuppressionsComponent {
  private readonly api = inject(Api);
  readonly session = inject(Session);
  readonly columns = ['address', 'reason', 'createdAt', 'actions'];
  readonly plural = plural;
  readonly list = new PagedList<Suppression>((paging) => this.api.get<ApiSchema<'SuppressionPage'>>('/api/suppressions', { address: this.search, ...paging }));
  readonly addError = signal('');
  address = '';
  search = '';

  constructor() {
    void this.list.reload();
  }

  async add(): Promise<void> {
    try {
      await this.api.post('/api/suppressions', { address: this.address.trim() });
      this.address = '';
      this.addError.set('');
      await this.list.reload();
    } catch (error) {
      this.addError.set(fieldErrors(error)['address'] ?? errorMessage(error));
    }
  }

  async remove(suppression: Suppression): Promise<void> {
    try {
      await this.api.delete(`/api/suppressions/${encodeURIComponent(suppression.address)}`);
      await this.list.load();
    } catch (error) {
      this.list.error.set(errorMessage(error));
    }
  }

}
