import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { Api, errorMessage, type Page } from '../core/api';

interface FlowRow {
  id: string;
  name: string;
  status: 'not_running' | 'running' | 'paused';
  updatedAt: string;
  participants: Record<string, number>;
}

/** Flows (seed 001): all or running, searchable, with their participants per status. */
@Component({
  selector: 'st-flows',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatTableModule, MatTabsModule, RouterLink],
  template: `
    <section class="page">
      <h1>Flows</h1>
      <mat-tab-group (selectedIndexChange)="tab($event)" aria-label="Welke flows">
        <mat-tab label="Alle" />
        <mat-tab label="Actief" />
      </mat-tab-group>
      <mat-form-field>
        <mat-label>Zoeken</mat-label>
        <input matInput [(ngModel)]="q" (input)="load()" />
      </mat-form-field>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <p class="count">{{ total() }} {{ total() === 1 ? 'flow' : 'flows' }}</p>
      <table mat-table class="full" [dataSource]="rows()">
        <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>Naam</th><td mat-cell *matCellDef="let f"><a [routerLink]="['/flows', f.id]">{{ f.name }}</a></td></ng-container>
        <ng-container matColumnDef="status"><th mat-header-cell *matHeaderCellDef>Status</th><td mat-cell *matCellDef="let f">{{ statusLabel[f.status] }}</td></ng-container>
        <ng-container matColumnDef="active"><th mat-header-cell *matHeaderCellDef>Actieve deelnemers</th><td mat-cell *matCellDef="let f">{{ f.participants.active ?? 0 }}</td></ng-container>
        <ng-container matColumnDef="done"><th mat-header-cell *matHeaderCellDef>Voltooid</th><td mat-cell *matCellDef="let f">{{ (f.participants.completed ?? 0) + (f.participants.completed_success ?? 0) }}</td></ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </section>
  `,
})
export class FlowsComponent {
  private readonly api = inject(Api);
  readonly columns = ['name', 'status', 'active', 'done'];
  readonly statusLabel: Record<string, string> = { not_running: 'UIT', running: 'AAN', paused: 'Gepauzeerd' };
  readonly rows = signal<FlowRow[]>([]);
  readonly total = signal(0);
  readonly error = signal('');
  q = '';
  private status = '';

  constructor() {
    void this.load();
  }

  tab(index: number): void {
    this.status = index === 1 ? 'running' : '';
    void this.load();
  }

  async load(): Promise<void> {
    try {
      const page = await this.api.get<Page<FlowRow>>('/api/flows', { q: this.q, status: this.status, limit: 100 });
      this.rows.set(page.items);
      this.total.set(page.total);
      this.error.set('');
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
