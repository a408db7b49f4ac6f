import { Clipboard } from '@angular/cdk/clipboard';
import { Component, type ElementRef, afterNextRender, computed, effect, inject, input, output, signal, viewChild, Injector } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Api, errorMessage, fieldErrors } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { embedSnippet } from './embed-snippet';

/** One form: rename it (key and name; flows that name the key follow), and copy its public address and an HTML form to embed. */
@Component({
  selector: 'st-form-detail',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  styles: `
    :host { display: block; border: 1px solid #ddd; border-radius: 8px; padding: 16px; }
    h2 { margin: 0 0 12px; font-size: 18px; font-weight: 500; }
    h2:focus { outline: none; }
    h3 { margin: 16px 0 8px; font-size: 15px; font-weight: 500; }
    mat-form-field { width: 100%; }
    .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .address { flex: 1 1 220px; font-family: monospace; padding: 8px; border: 1px solid #bbb; border-radius: 4px; word-break: break-all; background: #fafafa; }
    pre { background: #f5f5f5; padding: 12px; border-radius: 4px; font-size: 12px; white-space: pre; }
    .actions { display: flex; gap: 8px; justify-content: flex-end; }
  `,
  template: `
    <h2 #heading tabindex="-1">{{ form().name }}</h2>
    <form (ngSubmit)="save()" [attr.aria-label]="'demo.forms.rename' | transloco">
      <mat-form-field>
        <mat-label>{{ 'demo.forms.name' | transloco }}</mat-label>
        <input matInput name="name" autocomplete="off" [(ngModel)]="name" [attr.aria-invalid]="errors()['name'] ? true : null" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'demo.forms.key' | transloco }}</mat-label>
        <input matInput name="key" autocomplete="off" [(ngModel)]="key" [attr.aria-invalid]="errors()['key'] ? true : null" />
        <mat-hint>{{ 'demo.forms.renameHint' | transloco }}</mat-hint>
      </mat-form-field>
      @for (error of errorList(); track error) { <p class="error" role="alert">{{ error }}</p> }
      @if (savedNote()) { <p role="status">{{ 'common.saved' | transloco }}</p> }
      <div class="actions">
        <button mat-button type="button" (click)="closed.emit()">{{ 'demo.forms.close' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="!changed()">{{ 'common.save' | transloco }}</button>
      </div>
    </form>

    <h3 id="form-address-title">{{ 'demo.forms.address' | transloco }}</h3>
    <p>{{ 'demo.forms.addressHelp' | transloco }}</p>
    <div class="row">
      <code class="address" data-address aria-labelledby="form-address-title">{{ form().submitUrl }}</code>
      <button mat-stroked-button type="button" (click)="copy(form().submitUrl, 'address')">{{ 'demo.forms.copyAddress' | transloco }}</button>
    </div>

    <h3 id="form-snippet-title">{{ 'demo.forms.snippet' | transloco }}</h3>
    <p>{{ 'demo.forms.snippetHelp' | transloco }}</p>
    <pre tabindex="0" data-snippet aria-labelledby="form-snippet-title">{{ snippet() }}</pre>
    <div class="row"><button mat-stroked-button type="button" (click)="copy(snippet(), 'snippet')">{{ 'demo.forms.copySnippet' | transloco }}</button></div>
    <p class="copied" role="status" aria-live="polite">{{ copied() ? ('demo.forms.copied.' + copied() | transloco) : '' }}</p>
  `,
})
export class FormDetailComponent {
  private readonly api = inject(Api);
  private readonly clipboard = inject(Clipboard);
  private readonly transloco = inject(TranslocoService);
  readonly form = input.required<ApiSchema<'FormUsage'>>();
  readonly saved = output<void>();
  readonly closed = output<void>();
  readonly errors = signal<Record<string, string>>({});
  readonly errorList = computed(() => Object.values(this.errors()));
  readonly savedNote = signal(false);
  readonly copied = signal<'' | 'address' | 'snippet'>('');
  private readonly language = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });
  private shownId = '';
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly injector = inject(Injector);
  readonly snippet = computed(() => {
    this.language();
    const t = (key: string) => this.transloco.translate(`demo.forms.fields.${key}`);
    return embedSnippet(this.form().submitUrl, { email: t('email'), firstName: t('firstName'), lastName: t('lastName'), mobile: t('mobile'), message: t('message'), submit: t('submit') });
  });
  name = '';
  key = '';

  constructor() {
    effect(() => {
      const form = this.form();
      this.name = form.name;
      this.key = form.key;
      this.errors.set({});
      if (form.id !== this.shownId) {
        this.shownId = form.id;
        this.savedNote.set(false);
        this.copied.set('');
        // Opening a form takes the focus there (on a phone the panel is below the list, out of sight).
        afterNextRender(() => {
          this.heading().nativeElement.focus({ preventScroll: true });
          this.heading().nativeElement.scrollIntoView({ block: 'nearest' });
        }, { injector: this.injector });
      }
    });
  }

  changed(): boolean {
    return this.name.trim() !== this.form().name || this.key.trim() !== this.form().key;
  }

  async save(): Promise<void> {
    const changes: Partial<Pick<ApiSchema<'Form'>, 'key' | 'name'>> = {};
    if (this.name.trim() !== this.form().name) changes.name = this.name.trim();
    if (this.key.trim() !== this.form().key) changes.key = this.key.trim();
    try {
      await this.api.patch(`/api/forms/${this.form().id}`, changes);
      this.errors.set({});
      this.savedNote.set(true);
      this.saved.emit();
    } catch (error) {
      const fields = fieldErrors(error);
      this.errors.set(Object.keys(fields).length ? fields : { form: errorMessage(error) });
      this.savedNote.set(false);
    }
  }

  copy(text: string, what: 'address' | 'snippet'): void {
    if (this.clipboard.copy(text)) this.copied.set(what);
  }
}
