import { DatePipe, LowerCasePipe } from '@angular/common';
import { Component, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Api, errorMessage, type Page } from '../../core/api';
import { MESSAGE_STATUS, PARTICIPANT_STATUS } from '../../core/labels';
import { FlowStore } from './flow-store';

interface ParticipantRow {
  id: string;
  email: string | null;
  name: string;
  company: string | null;
  status: string;
  stepId: string | null;
  reason: string | null;
  enrolledAt: string;
  lastMessage: { subject: string | null; status: string; at: string } | null;
}

/** Participants, paged on the server (fine with 100,000), filtered by status. */
@Component({
  selector: 'st-flow-participants',
  imports: [DatePipe, FormsModule, LowerCasePipe, MatFormFieldModule, MatPaginatorModule, MatSelectModule, MatTableModule],
  template: `
    <mat-form-field>
      <mat-label>Status</mat-label>
      <mat-select [(ngModel)]="status" (selectionChange)="first()">
        <mat-option value="">Alle</mat-option>
        @for (s of statuses; track s[0]) { <mat-option [value]="s[0]">{{ s[1] }}</mat-option> }
      </mat-select>
    </mat-form-field>
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    <p class="count">{{ total() }} deelnemers</p>
    <table mat-table class="full" [dataSource]="rows()">
      <ng-container matColumnDef="email"><th mat-header-cell *matHeaderCellDef>E-mail</th><td mat-cell *matCellDef="let p">{{ p.email }}</td></ng-container>
      <ng-container matColumnDef="company"><th mat-header-cell *matHeaderCellDef>Bedrijf</th><td mat-cell *matCellDef="let p">{{ p.company }}</td></ng-container>
      <ng-container matColumnDef="enrolled"><th mat-header-cell *matHeaderCellDef>Ingeschreven</th><td mat-cell *matCellDef="let p">{{ p.enrolledAt | date: 'dd-MM-yyyy' }}</td></ng-container>
      <ng-container matColumnDef="status"><th mat-header-cell *matHeaderCellDef>Status</th><td mat-cell *matCellDef="let p" [title]="p.reason ?? ''">{{ statusLabel[p.status] }}</td></ng-container>
      <ng-container matColumnDef="step"><th mat-header-cell *matHeaderCellDef>Huidige stap</th><td mat-cell *matCellDef="let p"><code>{{ p.stepId }}</code></td></ng-container>
      <ng-container matColumnDef="last"><th mat-header-cell *matHeaderCellDef>Laatste bericht</th><td mat-cell *matCellDef="let p">@if (p.lastMessage; as m) { {{ m.subject }} · {{ m.at | date: 'dd-MM-yyyy HH:mm' }} · {{ messageLabel[m.status] | lowercase }} }</td></ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
    <mat-paginator [length]="total()" [pageIndex]="pageIndex" [pageSize]="pageSize" [pageSizeOptions]="[25, 50, 100]" (page)="page($event)" aria-label="Pagina's" />
  `,
})
export class FlowParticipantsComponent {
  private readonly api = inject(Api);
  private readonly store = inject(FlowStore);
  readonly columns = ['email', 'company', 'enrolled', 'status', 'step', 'last'];
  readonly statuses = Object.entries(PARTICIPANT_STATUS);
  readonly statusLabel = PARTICIPANT_STATUS;
  readonly messageLabel = MESSAGE_STATUS;
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
      const page = await this.api.get<Page<ParticipantRow>>(`/api/flows/${flow.id}/participants`, { status: this.status, limit: this.pageSize, offset: this.pageIndex * this.pageSize });
      this.rows.set(page.items);
      this.total.set(page.total);
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
