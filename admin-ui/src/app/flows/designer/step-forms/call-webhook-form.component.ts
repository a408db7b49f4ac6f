import { Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { WEBHOOK_METHODS, type WebhookHeader, type WebhookMethod } from '@stroom/dsl';
import { DesignerContent } from '../designer-content';
import { StepForm } from './step-form';

/**
 * Webhook aanroepen: method, address and time-out; headers whose values are named secrets of the
 * installation (offered by name when the service tells them); and the JSON body with merge variables.
 */
@Component({
  selector: 'st-call-webhook-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    @let s = step();
    <div class="row">
      <mat-form-field><mat-label>{{ 'webhookForm.method' | transloco }}</mat-label>
        <mat-select [value]="s.method" (selectionChange)="set('method', $event.value)" [disabled]="readOnly()" name="webhookMethod">
          @for (m of methods; track m) { <mat-option [value]="m">{{ m }}</mat-option> }
        </mat-select></mat-form-field>
      <mat-form-field><mat-label>{{ 'webhookForm.timeout' | transloco }}</mat-label>
        <input matInput type="number" min="1" max="30000" [value]="s.timeoutMs ?? ''" (change)="set('timeoutMs', timeout($event))" [disabled]="readOnly()" name="webhookTimeout" /></mat-form-field>
    </div>
    <mat-form-field><mat-label>{{ 'webhookForm.url' | transloco }}</mat-label>
      <input matInput type="url" [value]="s.url" (change)="set('url', value($event).trim())" [disabled]="readOnly()" name="webhookUrl" />
    </mat-form-field>
    <h3>{{ 'webhookForm.headers' | transloco }}</h3>
    @for (h of s.headers; track $index; let i = $index) {
      <div class="row" [attr.data-header]="i">
        <mat-form-field><mat-label>{{ 'webhookForm.headerName' | transloco: { n: i + 1 } }}</mat-label>
          <input matInput [value]="h.name" (change)="setHeader(i, { name: value($event).trim() })" [disabled]="readOnly()" [name]="'headerName' + i" /></mat-form-field>
        @if (secrets(); as names) {
          <mat-form-field><mat-label>{{ 'webhookForm.secret' | transloco: { n: i + 1 } }}</mat-label>
            <mat-select [value]="h.secret" (selectionChange)="setHeader(i, { secret: $event.value })" [disabled]="readOnly()">
              @for (name of names; track name) { <mat-option [value]="name">{{ name }}</mat-option> }
              @if (!names.includes(h.secret)) { <mat-option [value]="h.secret">{{ h.secret || ('webhookForm.noSecret' | transloco) }}</mat-option> }
            </mat-select></mat-form-field>
        } @else {
          <mat-form-field subscriptSizing="dynamic"><mat-label>{{ 'webhookForm.secret' | transloco: { n: i + 1 } }}</mat-label>
            <input matInput [value]="h.secret" (change)="setHeader(i, { secret: value($event).trim() })" [disabled]="readOnly()" [name]="'headerSecret' + i" />
            <mat-hint>{{ 'webhookForm.secretHint' | transloco }}</mat-hint></mat-form-field>
        }
        <button mat-button type="button" (click)="removeHeader(i)" [disabled]="readOnly()" [attr.aria-label]="'webhookForm.removeHeader' | transloco: { n: i + 1 }">×</button>
      </div>
    }
    @if (secrets()?.length === 0) { <p class="hint">{{ 'webhookForm.noSecrets' | transloco }}</p> }
    <button mat-stroked-button type="button" (click)="addHeader()" [disabled]="readOnly()">{{ 'webhookForm.addHeader' | transloco }}</button>
    <mat-form-field subscriptSizing="dynamic"><mat-label>{{ 'webhookForm.body' | transloco }}</mat-label>
      <textarea matInput rows="6" [value]="s.body ?? ''" (change)="set('body', value($event).trim() ? value($event) : undefined)" [disabled]="readOnly()" name="webhookBody"
        [placeholder]="bodyExample"></textarea>
      <mat-hint>{{ (s.method === 'GET' ? 'webhookForm.bodyGet' : 'webhookForm.bodyHint') | transloco }}</mat-hint>
    </mat-form-field>
  `,
})
export class CallWebhookFormComponent extends StepForm<'call_webhook'> {
  protected readonly methods: readonly WebhookMethod[] = WEBHOOK_METHODS;
  protected readonly secrets = inject(DesignerContent).secrets;
  protected readonly bodyExample = '{"email": "{{ person.email }}", "name": "{{ person.full_name }}"}';

  /** Empty: the service's default time-out. */
  protected timeout(event: Event): number | undefined {
    return this.value(event).trim() === '' ? undefined : this.number(event);
  }

  protected setHeader(index: number, patch: Partial<WebhookHeader>): void {
    this.edit((step) => { step.headers[index] = { ...step.headers[index]!, ...patch }; });
  }

  /** A new header: Authorization, with the first secret the installation has. */
  protected addHeader(): void {
    const secret = this.secrets()?.[0] ?? '';
    this.edit((step) => { step.headers.push({ name: 'Authorization', secret }); });
  }

  protected removeHeader(index: number): void {
    this.edit((step) => { step.headers.splice(index, 1); });
  }
}
