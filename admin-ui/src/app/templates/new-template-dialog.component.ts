import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, failureOf } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { starterEmail, starterSms } from './starters';

type Kind = 'mjml' | 'html' | 'sms';

/** A key from a name: "Welkom nieuwe klant" → "welkom-nieuwe-klant". */
export function keyOf(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100);
}

/** "Nieuw sjabloon": channel (a designed e-mail, an HTML e-mail or an SMS text), name and key; closes with the new id. */
@Component({
  selector: 'st-new-template-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatRadioModule, TranslocoPipe],
  styles: `mat-radio-group { display: flex; flex-direction: column; margin-bottom: 12px; } mat-form-field { width: 100%; }`,
  template: `
    <form (ngSubmit)="create()">
      <h2 mat-dialog-title>{{ 'content.newTitle' | transloco }}</h2>
      <mat-dialog-content>
        <p>{{ 'content.newText' | transloco }}</p>
        <mat-radio-group name="kind" [(ngModel)]="kind" [attr.aria-label]="'content.channel' | transloco">
          <mat-radio-button value="mjml">{{ 'content.email' | transloco }}</mat-radio-button>
          <mat-radio-button value="html">{{ 'content.emailHtml' | transloco }}</mat-radio-button>
          <mat-radio-button value="sms">{{ 'content.smsText' | transloco }}</mat-radio-button>
        </mat-radio-group>
        <mat-form-field>
          <mat-label>{{ 'common.name' | transloco }}</mat-label>
          <input matInput name="name" [(ngModel)]="name" (ngModelChange)="named($event)" required cdkFocusInitial autocomplete="off" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'content.key' | transloco }}</mat-label>
          <input matInput name="key" [(ngModel)]="key" (ngModelChange)="keyTouched = true" required autocomplete="off" />
          <mat-hint>{{ 'content.keyHint' | transloco }}</mat-hint>
        </mat-form-field>
        @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'confirm.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy() || !name.trim() || !key.trim()">{{ 'content.create' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class NewTemplateDialogComponent {
  private readonly api = inject(Api);
  private readonly ref = inject(MatDialogRef<NewTemplateDialogComponent, string>);
  kind: Kind = 'mjml';
  name = '';
  key = '';
  keyTouched = false;
  readonly busy = signal(false);
  readonly error = signal('');

  named(name: string): void {
    if (!this.keyTouched) this.key = keyOf(name);
  }

  async create(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    const name = this.name.trim();
    const base = { key: this.key.trim(), name };
    const body = this.kind === 'sms'
      ? { ...base, channel: 'sms', format: 'html', body: starterSms() }
      : { ...base, channel: 'email', format: this.kind, subject: name, body: starterEmail(this.kind, name) };
    try {
      const made = await this.api.post<ApiSchema<'Template'>>('/api/templates', body);
      this.ref.close(made.id);
    } catch (error) {
      const failure = failureOf(error);
      this.error.set(failure.message || Object.values(failure.fields).join(' '));
    } finally {
      this.busy.set(false);
    }
  }
}
