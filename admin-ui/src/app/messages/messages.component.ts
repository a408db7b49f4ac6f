import { DatePipe } from '@angular/common';
import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { PagedList } from '../core/paged-list';
import { plural } from '../i18n/dictionary';
import { nl } from '../i18n/nl';

type MessageRow = ApiSchema<'Message'>;
type FlowName = Pick<ApiSchema<'Flow'>, 'id' | 'name'>;
type WorkflowName = Pick<ApiSchema<'Workflow'>, 'id' | 'name'>;

/** The outbox: every message with its status (and why it failed), channel, recipient and the rule or flow behind it; each opens its detail. */
@Component({
  selector: 'st-messages',
  imports: [DatePipe, FormsModule, RouterLink, MatFormFieldModule, MatInputModule, MatPaginatorModule, MatSelectModule, MatTableModule, TranslocoPipe],
  styles: `
    .filters { display: flex; gap: 16px; flex-wrap: wrap; }
    .reason { color: #8c1d18; display: inline-block; max-width: 36ch; overflow-wrap: anywhere; }
  `,
  template: `
    <section class="page">
      <h1>{{ 'messages.title' | transloco }}</h1>
      <div class="filters">
        <mat-form-field>
          <mat-label>{{ 'common.status' | transloco }}</mat-label>
          <mat-select [(ngModel)]="status" (selectionChange)="list.reload()">
            <mat-option value="">{{ 'common.all' | transloco }}</mat-option>
            @for (s of statuses; track s) { <mat-option [value]="s">{{ 'messageStatus.' + s | transloco }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'messages.channel' | transloco }}</mat-label>
          <mat-select [(ngModel)]="channel" (selectionChange)="list.reload()">
            <mat-option value="">{{ 'common.all' | transloco }}</mat-option>
            <mat-option value="email">{{ 'common.email' | transloco }}</mat-option>
            <mat-option value="sms">{{ 'common.sms' | transloco }}</mat-option>
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'common.flow' | transloco }}</mat-label>
          <mat-select [(ngModel)]="flow" (selectionChange)="list.reload()">
            <mat-option value="">{{ 'common.all' | transloco }}</mat-option>
            @for (f of flows(); track f.id) { <mat-option [value]="f.id">{{ f.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'common.workflow' | transloco }}</mat-label>
          <mat-select [(ngModel)]="rule" (selectionChange)="list.reload()">
            <mat-option value="">{{ 'common.all' | transloco }}</mat-option>
            @for (w of workflows(); track w.id) { <mat-option [value]="w.id">{{ w.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'messages.recipient' | transloco }}</mat-label>
          <input matInput [(ngModel)]="to" (change)="list.reload()" />
        </mat-form-field>
      </div>
      @if (list.error()) {
        <p class="error" role="alert">{{ list.error() }}</p>
      }
      <p class="count">{{ plural('messages.count', list.total()) | transloco: { n: list.total() } }}</p>
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="'messages.title' | transloco">
      <table mat-table class="full" [dataSource]="list.rows()">
        <ng-container matColumnDef="status"><th mat-header-cell *matHeaderCellDef>{{ 'common.status' | transloco }}</th><td mat-cell *matCellDef="let m">{{ 'messageStatus.' + m.status | transloco }}@if (m.status === 'queued' && m.nextAttemptAt && m.attempts > 0) {<br /><small data-retry>{{ 'messages.retry' | transloco: { n: m.attempts, at: (m.nextAttemptAt | date: 'HH:mm:ss') } }}</small>}@if (m.status === 'suppressed') {<br /><small class="reason" data-suppressed>{{ 'suppressions.reasons.' + m.error?.replace('suppressed: ', '') | transloco }}</small>} @else if (m.error) {<br /><small class="reason" data-error>{{ m.error }}</small>}</td></ng-container>
        <ng-container matColumnDef="channel"><th mat-header-cell *matHeaderCellDef>{{ 'messages.channel' | transloco }}</th><td mat-cell *matCellDef="let m">{{ 'common.' + m.channel | transloco }}</td></ng-container>
        <ng-container matColumnDef="to"><th mat-header-cell *matHeaderCellDef>{{ 'messages.recipient' | transloco }}</th><td mat-cell *matCellDef="let m">{{ m.to }}</td></ng-container>
        <ng-container matColumnDef="subject"><th mat-header-cell *matHeaderCellDef>{{ 'common.subject' | transloco }}</th><td mat-cell *matCellDef="let m"><a [routerLink]="['/messages', m.id]" data-open-message>{{ m.subject || ('messageDetail.open' | transloco) }}</a></td></ng-container>
        <ng-container matColumnDef="source"><th mat-header-cell *matHeaderCellDef>{{ 'messages.source' | transloco }}</th><td mat-cell *matCellDef="let m">@if (sourceOf(m); as s) { {{ 'common.' + s.kind | transloco }}: {{ s.name }} }</td></ng-container>
        <ng-container matColumnDef="at"><th mat-header-cell *matHeaderCellDef>{{ 'messages.date' | transloco }}</th><td mat-cell *matCellDef="let m">{{ (m.sentAt ?? m.createdAt) | date: 'dd-MM-yyyy HH:mm' }}</td></ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
      </div>
      <mat-paginator [length]="list.total()" [pageSize]="list.pageSize" [pageSizeOptions]="[25, 50, 100]" (page)="list.page($event)" [attr.aria-label]="'paginator.pages' | transloco" />
    </section>
  `,
})
export class MessagesComponent {
  private readonly api = inject(Api);
  readonly columns = ['status', 'channel', 'to', 'subject', 'source', 'at'];
  readonly statuses = Object.keys(nl.messageStatus);
  readonly plural = plural;
  readonly list = new PagedList<MessageRow>((paging) => this.api.get<ApiSchema<'MessagePage'>>('/api/messages', { status: this.status, channel: this.channel, to: this.to, flow: this.flow, rule: this.rule, ...paging }));
  readonly flows = signal<FlowName[]>([]);
  readonly workflows = signal<WorkflowName[]>([]);
  status = '';
  channel = '';
  flow = '';
  rule = '';
  to = '';

  constructor() {
    void this.list.reload();
    void this.api.get<ApiSchema<'FlowList'>>('/api/flows', { limit: 1000 }).then((p) => this.flows.set(p.items));
    void this.api.get<ApiSchema<'WorkflowList'>>('/api/workflows', { limit: 1000 }).then((p) => this.workflows.set(p.items));
  }

  /** The rule or flow behind a message, by name. */
  sourceOf(message: MessageRow): { kind: 'flow' | 'workflow'; name: string } | undefined {
    if (message.flowId) return { kind: 'flow', name: this.flows().find((f) => f.id === message.flowId)?.name ?? message.flowId };
    if (message.workflowId) return { kind: 'workflow', name: this.workflows().find((w) => w.id === message.workflowId)?.name ?? message.workflowId };
    return undefined;
  }

}
