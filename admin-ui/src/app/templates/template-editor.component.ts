import { Component, ElementRef, effect, inject, input, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage, failureOf, type Page } from '../core/api';
import { plural } from '../i18n/dictionary';

export interface Template {
  id: string;
  key: string;
  name: string;
  channel: 'email' | 'sms';
  subject: string | null;
  body: string;
}

interface Preview {
  subject: string | null;
  body: string;
  segments?: number;
}

const PREVIEW_DELAY_MS = 300;

/** A template's editor: subject and body, a variable picker, a live preview rendered by the API, a test send. */
@Component({
  selector: 'st-template-editor',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  styles: `
    form, .test { display: flex; flex-direction: column; gap: 4px; }
    textarea { font-family: monospace; }
    iframe { width: 100%; height: 260px; border: 1px solid #ccc; background: white; }
    .sms { white-space: pre-wrap; border: 1px solid #ccc; padding: 8px; }
    .saved { color: #1b6e20; }
  `,
  template: `
    @if (template(); as t) {
      <h2>{{ t.name }} <small><code>{{ t.key }}</code></small></h2>
      <form (ngSubmit)="save()">
        <mat-form-field>
          <mat-label>{{ 'templateEditor.name' | transloco }}</mat-label>
          <input matInput name="name" required [(ngModel)]="draft.name" />
        </mat-form-field>
        @if (t.channel === 'email') {
          <mat-form-field>
            <mat-label>{{ 'templateEditor.subject' | transloco }}</mat-label>
            <input matInput name="subject" required [(ngModel)]="draft.subject" (ngModelChange)="changed()" />
          </mat-form-field>
          @if (errors()['subject']) { <p class="error" data-field="subject">{{ errors()['subject'] }}</p> }
        }
        <mat-form-field>
          <mat-label>{{ 'templateEditor.variable' | transloco }}</mat-label>
          <mat-select name="variable" (selectionChange)="insert($event.value)">
            @for (v of variables(); track v) {
              <mat-option [value]="v">{{ v }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'templateEditor.body' | transloco }}</mat-label>
          <textarea #body matInput name="body" rows="10" required [(ngModel)]="draft.body" (ngModelChange)="changed()"></textarea>
        </mat-form-field>
        @if (errors()['body']) { <p class="error" data-field="body">{{ errors()['body'] }}</p> }
        @if (message()) { <p class="error" role="alert">{{ message() }}</p> }
        @if (saved()) { <p class="saved" role="status">{{ 'common.saved' | transloco }}</p> }
        <button mat-flat-button type="submit" [disabled]="busy()">{{ 'common.save' | transloco }}</button>
      </form>

      <h3>{{ 'templateEditor.preview' | transloco }}</h3>
      <mat-form-field>
        <mat-label>{{ 'templateEditor.previewPerson' | transloco }}</mat-label>
        <input matInput name="personId" [(ngModel)]="personId" (ngModelChange)="changed()" />
      </mat-form-field>
      @if (preview(); as p) {
        @if (t.channel === 'email') {
          <p><strong>{{ 'templateEditor.previewSubject' | transloco }}</strong> <span data-preview="subject">{{ p.subject }}</span></p>
          <iframe [title]="'templateEditor.previewFrame' | transloco" sandbox="" [attr.srcdoc]="p.body"></iframe>
        } @else {
          <p class="sms" data-preview="body">{{ p.body }}</p>
          <p>{{ plural('templateEditor.segments', p.segments ?? 0) | transloco: { n: p.segments } }}</p>
        }
      }

      <h3>{{ 'templateEditor.test' | transloco }}</h3>
      <div class="test">
        <mat-form-field>
          <mat-label>{{ (t.channel === 'email' ? 'templateEditor.toEmail' : 'templateEditor.toPhone') | transloco }}</mat-label>
          <input matInput name="to" [(ngModel)]="to" />
        </mat-form-field>
        <button mat-stroked-button type="button" (click)="testSend()">{{ 'templateEditor.send' | transloco }}</button>
        @if (testResult(); as r) { <p role="status">{{ r.queuedTo !== undefined ? ('templateEditor.queued' | transloco: { to: r.queuedTo }) : r.error }}</p> }
      </div>
    }
  `,
})
export class TemplateEditorComponent {
  private readonly api = inject(Api);
  readonly id = input.required<string>();
  readonly saves = output<void>();
  readonly template = signal<Template | undefined>(undefined);
  readonly variables = signal<string[]>([]);
  readonly preview = signal<Preview | undefined>(undefined);
  readonly errors = signal<Record<string, string>>({});
  readonly message = signal('');
  readonly saved = signal(false);
  readonly busy = signal(false);
  /** The last test send: queued for an address, or the server's refusal. */
  readonly testResult = signal<{ queuedTo?: string; error?: string } | undefined>(undefined);
  readonly plural = plural;
  private readonly bodyField = viewChild<ElementRef<HTMLTextAreaElement>>('body');
  draft = { name: '', subject: '' as string | null, body: '' };
  personId = '';
  to = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.api.get<Page<string>>('/api/template-variables').then((page) => this.variables.set(page.items));
    effect(() => void this.load(this.id()));
  }

  changed(): void {
    this.saved.set(false);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), PREVIEW_DELAY_MS);
  }

  insert(variable: string): void {
    const field = this.bodyField()?.nativeElement;
    const at = field?.selectionStart ?? this.draft.body.length;
    this.draft.body = `${this.draft.body.slice(0, at)}{{ ${variable} }}${this.draft.body.slice(at)}`;
    this.changed();
  }

  async save(): Promise<void> {
    this.busy.set(true);
    this.message.set('');
    try {
      const body = { name: this.draft.name, body: this.draft.body, ...(this.template()!.channel === 'email' ? { subject: this.draft.subject } : {}) };
      this.template.set(await this.api.patch<Template>(`/api/templates/${this.id()}`, body));
      this.errors.set({});
      this.saved.set(true);
      this.saves.emit();
    } catch (error) {
      this.showErrors(error);
    } finally {
      this.busy.set(false);
    }
  }

  async testSend(): Promise<void> {
    try {
      await this.api.post(`/api/templates/${this.id()}/test-send`, { to: this.to, ...(this.personId ? { personId: this.personId } : {}) });
      this.testResult.set({ queuedTo: this.to });
    } catch (error) {
      this.testResult.set({ error: errorMessage(error) });
    }
  }

  private async load(id: string): Promise<void> {
    const template = await this.api.get<Template>(`/api/templates/${id}`);
    this.template.set(template);
    this.draft = { name: template.name, subject: template.subject, body: template.body };
    this.errors.set({});
    this.saved.set(false);
    await this.render();
  }

  private async render(): Promise<void> {
    const template = this.template();
    if (!template) return;
    try {
      const draft = { body: this.draft.body, ...(template.channel === 'email' ? { subject: this.draft.subject ?? '' } : {}) };
      this.preview.set(await this.api.post<Preview>(`/api/templates/${template.id}/preview`, { ...draft, ...(this.personId ? { personId: this.personId } : {}) }));
      this.errors.set({});
      this.message.set('');
    } catch (error) {
      this.showErrors(error);
    }
  }

  private showErrors(error: unknown): void {
    const failure = failureOf(error);
    this.errors.set(failure.fields);
    this.message.set(failure.message);
  }
}
