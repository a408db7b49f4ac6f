import { DatePipe, LowerCasePipe } from '@angular/common';
import { Component, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';
import { plural } from '../../i18n/dictionary';
import { nl } from '../../i18n/nl';
import { Session } from '../../core/session';
import { openEnrolDialog } from './enrol-dialog.component';
import { FlowStore } from './flow-store';

type ParticipantRow = ApiSchema<'FlowParticipant'>;

/** Participants, paged on the server (fine with 100,000), filtered by status. */
@Component({
  selector: 'st-flow-participants',
  imports: [DatePipe, FormsModule, LowerCasePipe, MatButtonModule, MatFormFieldModule, MatPaginatorModule, MatSelectModule, MatTableModule, TranslocoPipe],
  styles: `.bar { display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }`,
  template: `
    <div class="bar">
    <mat-form-field>
      <mat-label>{{ 'common.status' | transloco }}</mat-label>
      <mat-select [(ngModel)]="status" (selectionChange)="first()">
        <mat-option value="">{{ 'common.all' | transloco }}</mat-option>
        @for (s of statuses; track s) { <mat-option [value]="s">{{ 'participantStatus.' + s | transloco }}</mat-option> }
      </mat-select>
    </mat-form-field>
    @if (session.isFlowAdmin()) { <button mat-flat-button type="button" (click)="enrol()" data-enrol>{{ 'flowPageWords.enrol' | transloco }}</button> }
    </div>
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    <p class="count">{{ plural('flowParticipants.count', total()) | transloco: { n: total() } }}</p>
    <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="'flowPage.tabs.participants' | transloco">
    <table mat-table class="full" [dataSource]="rows()">
      <ng-container matColumnDef="email"><th mat-header-cell *matHeaderCellDef>{{ 'flowParticipants.email' | transloco }}</th><td mat-cell *matCellDef="let p">{{ p.email }}</td></ng-container>
      <ng-container matColumnDef="company"><th mat-header-cell *matHeaderCellDef>{{ 'flowParticipants.company' | transloco }}</th><td mat-cell *matCellDef="let p">{{ p.company }}</td></ng-container>
      <ng-container matColumnDef="enrolled"><th mat-header-cell *matHeaderCellDef>{{ 'flowParticipants.enrolled' | transloco }}</th><td mat-cell *matCellDef="let p">{{ p.enrolledAt | date: 'dd-MM-yyyy' }}</td></ng-container>
      <ng-container matColumnDef="status"><th mat-header-cell *matHeaderCellDef>{{ 'common.status' | transloco }}</th><td mat-cell *matCellDef="let p">{{ 'participantStatus.' + p.status | transloco }}@if (p.reason) { · {{ 'flowState.reasons.' + reasonKey(p.reason) | transloco }} }</td></ng-container>
      <ng-container matColumnDef="step"><th mat-header-cell *matHeaderCellDef>{{ 'flowParticipants.step' | transloco }}</th><td mat-cell *matCellDef="let p" [attr.title]="p.stepId">{{ store.titleOf(p.stepId) }}</td></ng-container>
      <ng-container matColumnDef="last"><th mat-header-cell *matHeaderCellDef>{{ 'flowParticipants.lastMessage' | transloco }}</th><td mat-cell *matCellDef="let p">@if (p.lastMessage; as m) { {{ m.subject }} · {{ m.at | date: 'dd-MM-yyyy HH:mm' }} · {{ 'messageStatus.' + m.status | transloco | lowercase }} }</td></ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
    </div>
    <mat-paginator [length]="total()" [pageIndex]="pageIndex" [pageSize]="pageSize" [pageSizeOptions]="[25, 50, 100]" (page)="page($event)" [attr.aria-label]="'paginator.pages' | transloco" />
  `,
})
export class FlowParticipantsComponent {
  private readonly api = inject(Api);
  readonly store = inject(FlowStore);
  readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  readonly columns = ['email', 'company', 'enrolled', 'status', 'step', 'last'];
  readonly statuses = Object.keys(nl.participantStatus);
  readonly plural = plural;
  readonly rows = signal<ParticipantRow[]>([]);
  readonly total = signal(0);
  readonly error = signal('');
  status = '';
  pageSize = 25;
  pageIndex = 0;

  constructor() {
    effect(() => {
      if (this.store.flow()) void this.load();
    });
  }

  /** The engine's reasons are words (`failed delivery`, `time-out`); their texts are keyed with underscores. */
  reasonKey(reason: string): string {
    return reason.replace(/[ -]/g, '_');
  }

  async enrol(): Promise<void> {
    const flow = this.store.flow()!;
    if (await openEnrolDialog(this.dialog, flow)) await this.store.load(flow.id);
  }

  first(): void {
    this.pageIndex = 0;
    void this.load();
  }

  page(event: PageEvent): void {
    this.pageIndex = event.pageIndex;
    this.pageSize = event.pageSize;
    void this.load();
  }

  private async load(): Promise<void> {
    const flow = this.store.flow();
    if (!flow) return;
    try {
      const page = await this.api.get<ApiSchema<'FlowParticipantList'>>(`/api/flows/${flow.id}/participants`, { status: this.status, limit: this.pageSize, offset: this.pageIndex * this.pageSize });
      this.rows.set(page.items);
      this.total.set(page.total);
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
