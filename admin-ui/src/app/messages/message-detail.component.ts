import { DatePipe } from '@angular/common';
import { Component, effect, inject, input, signal } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, translate } from '@jsverse/transloco';
import { Api, errorMessage } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { EmailFrameComponent } from '../core/email-frame.component';

type MessageDetail = ApiSchema<'MessageDetail'>;

/**
 * One message (`/messages/:id`): what it says, the headers it is sent with, every delivery attempt
 * with its time and error, and the rule or flow and person it came from. The HTML body is shown as
 * sent, in a sandboxed frame (EmailFrameComponent).
 */
@Component({
  selector: 'st-message-detail',
  imports: [DatePipe, EmailFrameComponent, MatTableModule, RouterLink, TranslocoPipe],
  styles: `
    dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 16px; margin: 0 0 16px; }
    dt { font-weight: 500; }
    dd { margin: 0; overflow-wrap: anywhere; }
    .sms { white-space: pre-wrap; border: 1px solid #ccc; padding: 8px; }
    .scroll { overflow-x: auto; }
    td { overflow-wrap: anywhere; }
    .failed { color: #8c1d18; }
    .note { color: #555; }
  `,
  template: `
    <section class="page">
      <p><a routerLink="/messages">← {{ 'messageDetail.back' | transloco }}</a></p>
      @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
      @if (message(); as m) {
        <h1>{{ m.channel === 'sms' ? ('messageDetail.smsTo' | transloco: { to: m.to }) : (m.subject || ('messageDetail.noSubject' | transloco)) }}</h1>
        <dl data-message-summary>
          <dt>{{ 'messageDetail.status' | transloco }}</dt>
          <dd>{{ 'messageStatus.' + m.status | transloco }}</dd>
          @if (m.error) { <dt>{{ 'messageDetail.error' | transloco }}</dt><dd class="failed" data-error>{{ m.error }}</dd> }
          <dt>{{ 'messageDetail.channel' | transloco }}</dt><dd>{{ 'common.' + m.channel | transloco }}</dd>
          <dt>{{ 'messageDetail.recipient' | transloco }}</dt><dd>{{ m.to }}</dd>
          <dt>{{ 'messageDetail.person' | transloco }}</dt>
          <dd data-person>@if (m.person; as p) { {{ p.name || p.email }}@if (p.name && p.email) { &lt;{{ p.email }}&gt; } } @else { {{ 'messageDetail.noPerson' | transloco }} }</dd>
          <dt>{{ 'messageDetail.source' | transloco }}</dt>
          <dd data-source>
            @if (m.flow; as f) { {{ 'common.flow' | transloco }}: <a [routerLink]="['/flows', f.id]">{{ f.name }}</a>@if (m.stepId) { ({{ 'messageDetail.step' | transloco: { step: m.stepId } }}) } }
            @else if (m.workflow; as w) { {{ 'common.workflow' | transloco }}: <a routerLink="/dsl" [queryParams]="{ workflow: w.id }">{{ w.name }}</a> }
            @else { {{ 'messageDetail.noSource' | transloco }} }
          </dd>
          <dt>{{ 'messageDetail.created' | transloco }}</dt><dd>{{ m.createdAt | date: 'dd-MM-yyyy HH:mm:ss' }}</dd>
          @if (m.sentAt) { <dt>{{ 'messageDetail.sent' | transloco }}</dt><dd>{{ m.sentAt | date: 'dd-MM-yyyy HH:mm:ss' }}</dd> }
          @if (m.nextAttemptAt) { <dt>{{ 'messageDetail.nextAttempt' | transloco }}</dt><dd>{{ m.nextAttemptAt | date: 'dd-MM-yyyy HH:mm:ss' }}</dd> }
        </dl>

        <h2>{{ 'messageDetail.body' | transloco }}</h2>
        @if (m.channel === 'email') {
          <st-email-frame [html]="m.body" [label]="'messageDetail.bodyFrame' | transloco" data-message-body />
        } @else {
          <p class="sms" data-message-body>{{ m.body }}</p>
        }

        <h2>{{ 'messageDetail.headers' | transloco }}</h2>
        <p class="note">{{ 'messageDetail.headersNote' | transloco }}</p>
        <div class="scroll">
          <table mat-table class="full" [dataSource]="m.headers" data-headers>
            <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>{{ 'messageDetail.header' | transloco }}</th><td mat-cell *matCellDef="let h">{{ h.name }}</td></ng-container>
            <ng-container matColumnDef="value"><th mat-header-cell *matHeaderCellDef>{{ 'messageDetail.value' | transloco }}</th><td mat-cell *matCellDef="let h"><code>{{ h.value }}</code></td></ng-container>
            <tr mat-header-row *matHeaderRowDef="['name', 'value']"></tr>
            <tr mat-row *matRowDef="let row; columns: ['name', 'value']"></tr>
          </table>
        </div>

        <h2>{{ 'messageDetail.attempts' | transloco }}</h2>
        @if (m.deliveryAttempts.length === 0) {
          <p class="note">{{ 'messageDetail.noAttempts' | transloco }}</p>
        } @else {
          <div class="scroll">
            <table mat-table class="full" [dataSource]="m.deliveryAttempts" data-attempts>
              <ng-container matColumnDef="at"><th mat-header-cell *matHeaderCellDef>{{ 'messageDetail.attemptAt' | transloco }}</th><td mat-cell *matCellDef="let a">{{ a.at | date: 'dd-MM-yyyy HH:mm:ss' }}</td></ng-container>
              <ng-container matColumnDef="outcome"><th mat-header-cell *matHeaderCellDef>{{ 'messageDetail.outcome' | transloco }}</th><td mat-cell *matCellDef="let a" [class.failed]="a.outcome === 'failed'">{{ 'messageDetail.outcomes.' + a.outcome | transloco }}</td></ng-container>
              <ng-container matColumnDef="error"><th mat-header-cell *matHeaderCellDef>{{ 'messageDetail.error' | transloco }}</th><td mat-cell *matCellDef="let a">{{ a.error }}</td></ng-container>
              <ng-container matColumnDef="transport"><th mat-header-cell *matHeaderCellDef>{{ 'messageDetail.transport' | transloco }}</th><td mat-cell *matCellDef="let a">{{ a.transport }}</td></ng-container>
              <tr mat-header-row *matHeaderRowDef="attemptColumns"></tr>
              <tr mat-row *matRowDef="let row; columns: attemptColumns"></tr>
            </table>
          </div>
        }
      }
    </section>
  `,
})
export class MessageDetailComponent {
  private readonly api = inject(Api);
  readonly id = input.required<string>();
  readonly message = signal<MessageDetail | undefined>(undefined);
  readonly error = signal('');
  readonly attemptColumns = ['at', 'outcome', 'error', 'transport'];

  constructor() {
    effect(() => void this.load(this.id()));
  }

  private async load(id: string): Promise<void> {
    try {
      this.message.set(await this.api.get<MessageDetail>(`/api/messages/${encodeURIComponent(id)}`));
      this.error.set('');
    } catch (error) {
      this.message.set(undefined);
      this.error.set((error as { status?: number }).status === 404 ? translate('messageDetail.notFound') : errorMessage(error));
    }
  }
}
