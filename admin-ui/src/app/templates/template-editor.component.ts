import { Component, ElementRef, effect, inject, input, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Api, errorMessage, failureOf } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { EmailFrameComponent } from '../core/email-frame.component';
import { changedFrom } from '../core/unsaved-changes';
import { type PickedRecord, RECORD_KINDS, RecordPickerComponent, type RecordKind } from '../core/record-picker.component';
import { RouterLink } from '@angular/router';
import { SmsCounterComponent } from './sms-counter.component';
import { VariableChipsComponent } from './variable-chips.component';
import { liquidOf } from './merge-variables';

export type Template = ApiSchema<'Template'>;
type Preview = ApiSchema<'TemplatePreview'>;

const PREVIEW_DELAY_MS = 300;

/**
 * A template's editor: subject and body, a variable picker, a live preview rendered by the API on a
 * record chosen by name (or sample data of the kind the template is used with), and a test send.
 */
@Component({
  selector: 'st-template-editor',
  imports: [EmailFrameComponent, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, RecordPickerComponent, RouterLink, SmsCounterComponent, TranslocoPipe, VariableChipsComponent],
  styles: `
    form, .test { display: flex; flex-direction: column; gap: 4px; }
    textarea { font-family: monospace; }
    st-email-frame { --email-frame-height: 260px; }
    .sms { white-space: pre-wrap; border: 1px solid #ccc; padding: 8px; }
    .saved { color: #1b6e20; }
    .on { display: grid; grid-template-columns: minmax(140px, 1fr) minmax(0, 2fr); gap: 8px; align-items: start; }
    @media (max-width: 600px) { .on { grid-template-columns: 1fr; } }
    .empty li { margin: 2px 0; }
    .note { opacity: 0.8; }
  `,
  template: `
    @if (template(); as t) {
      @if (heading()) { <h2>{{ t.name }} <small><code>{{ t.key }}</code></small></h2> }
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
        @if (t.format === 'mjml') {
          <p class="note">{{ 'content.designed' | transloco }}</p>
          <a mat-stroked-button [routerLink]="['/templates', t.id]" data-open-designer>{{ 'content.openDesigner' | transloco }}</a>
        } @else {
          <st-variable-chips [hint]="'templateEditor.chipsHint' | transloco" (picked)="insert($event)" />
          <mat-form-field>
            <mat-label>{{ 'templateEditor.variable' | transloco }}</mat-label>
            <mat-select #more name="variable" (selectionChange)="insert($event.value); more.value = null">
              @for (v of variables(); track v) {
                <mat-option [value]="v">{{ v }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'templateEditor.body' | transloco }}</mat-label>
            <textarea #body matInput name="body" rows="10" required [(ngModel)]="draft.body" (ngModelChange)="changed()"></textarea>
          </mat-form-field>
          @if (t.channel === 'sms') { <st-sms-counter [text]="draft.body" [label]="'content.sms.typed' | transloco" /> }
        }
        @if (errors()['body']) { <p class="error" data-field="body">{{ errors()['body'] }}</p> }
        @if (message()) { <p class="error" role="alert">{{ message() }}</p> }
        @if (saved()) { <p class="saved" role="status">{{ 'common.saved' | transloco }}</p> }
        <button mat-flat-button type="submit" [disabled]="busy()">{{ 'common.save' | transloco }}</button>
      </form>

      <h3>{{ 'templateEditor.preview' | transloco }}</h3>
      <div class="on">
        <mat-form-field>
          <mat-label>{{ 'recordPicker.kind' | transloco }}</mat-label>
          <mat-select name="recordKind" [value]="recordKind()" (selectionChange)="chooseKind($event.value)">
            @for (k of kinds; track k) { <mat-option [value]="k">{{ 'recordPicker.kinds.' + k | transloco }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <st-record-picker name="previewRecord" [kind]="recordKind()" (picked)="choose($event)"
                          [label]="'recordPicker.record' | transloco: { kind: ('recordPicker.kinds.' + recordKind() | transloco) }" />
      </div>
      @if (preview(); as p) {
        <p class="note" data-preview-on>
          @if (chosen(); as c) { {{ 'recordPicker.chosen' | transloco: { label: c.label } }} }
          @else { {{ 'recordPicker.sample' | transloco: { one: ('recordPicker.one.' + p.record.type | transloco) } }} }
          @if (p.usedWith.length > 0) { {{ 'recordPicker.usedWith' | transloco: { kinds: kindNames(p.usedWith) } }} }
          @else { {{ 'recordPicker.notUsed' | transloco }} }
        </p>
        @if (t.channel === 'email') {
          <p><strong>{{ 'templateEditor.previewSubject' | transloco }}</strong>&ngsp;<span data-preview="subject">{{ p.subject }}</span></p>
          <st-email-frame [html]="p.body" [label]="'templateEditor.previewFrame' | transloco" />
        } @else {
          <p class="sms" data-preview="body">{{ p.body }}</p>
          <st-sms-counter [text]="p.body" [label]="'content.sms.rendered' | transloco" />
        }
        <section class="empty" [attr.aria-label]="'recordPicker.empty' | transloco" data-empty-variables>
          @if (p.empty.length > 0) {
            <h4>{{ 'recordPicker.empty' | transloco }}</h4>
            <ul>@for (e of p.empty; track e.variable) { <li><code>{{ e.variable }}</code>: {{ e.reason }}</li> }</ul>
          } @else {
            <p class="note">{{ 'recordPicker.noneEmpty' | transloco }}</p>
          }
        </section>
      }

      <h3>{{ 'templateEditor.test' | transloco }}</h3>
      <div class="test">
        <mat-form-field>
          <mat-label>{{ (t.channel === 'email' ? 'templateEditor.toEmail' : 'templateEditor.toPhone') | transloco }}</mat-label>
          <input matInput name="to" [(ngModel)]="to" />
        </mat-form-field>
        <p class="note">{{ 'recordPicker.testOn' | transloco }}</p>
        <button mat-stroked-button type="button" (click)="testSend()">{{ 'templateEditor.send' | transloco }}</button>
        @if (testResult(); as r) { <p role="status">{{ r.queuedTo !== undefined ? ('templateEditor.queued' | transloco: { to: r.queuedTo }) : r.error }}</p> }
      </div>
    }
  `,
})
export class TemplateEditorComponent {
  private readonly api = inject(Api);
  private readonly transloco = inject(TranslocoService);
  readonly id = input.required<string>();
  /** Off on the template's own page, whose title already names it. */
  readonly heading = input(true);
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
  private readonly bodyField = viewChild<ElementRef<HTMLTextAreaElement>>('body');
  readonly kinds = RECORD_KINDS;
  /** The kind of record the preview is rendered on; follows the template's use until someone chooses. */
  readonly recordKind = signal<RecordKind>('person');
  readonly chosen = signal<PickedRecord | null>(null);
  private kindChosen = false;
  draft = { name: '', subject: '' as string | null, body: '' };
  to = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.api.get<ApiSchema<'TemplateVariables'>>('/api/template-variables').then((page) => this.variables.set(page.items));
    effect(() => void this.load(this.id()));
  }

  /** Whether name, subject or body differ from the template as last loaded or saved. */
  isDirty(): boolean {
    const template = this.template();
    return template !== undefined && changedFrom(this.draft, { name: template.name, subject: template.subject, body: template.body });
  }

  changed(): void {
    this.saved.set(false);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), PREVIEW_DELAY_MS);
  }

  chooseKind(kind: RecordKind): void {
    this.kindChosen = true;
    this.recordKind.set(kind);
    this.choose(null);
  }

  choose(record: PickedRecord | null): void {
    this.chosen.set(record);
    void this.render();
  }

  kindNames(kinds: string[]): string {
    return kinds.map((k) => this.transloco.translate(`recordPicker.many.${k}`)).join(', ');
  }

  /** Puts the variable at the caret (replacing a selection) and leaves the caret after it. */
  insert(variable: string): void {
    const field = this.bodyField()?.nativeElement;
    const start = field?.selectionStart ?? this.draft.body.length;
    const end = field?.selectionEnd ?? start;
    const liquid = liquidOf(variable);
    this.draft.body = `${this.draft.body.slice(0, start)}${liquid}${this.draft.body.slice(end)}`;
    if (field) {
      // Written at once (ngModel would a tick later), so the caret can be placed after the variable.
      field.value = this.draft.body;
      field.focus();
      field.setSelectionRange(start + liquid.length, start + liquid.length);
    }
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
      await this.api.post(`/api/templates/${this.id()}/test-send`, { to: this.to, ...this.recordChoice() });
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
    if (!this.chosen()) this.kindChosen = false; // a chosen record stays; otherwise the kind follows this template's use
    await this.render();
  }

  private async render(): Promise<void> {
    const template = this.template();
    if (!template) return;
    try {
      const draft = { body: this.draft.body, ...(template.channel === 'email' ? { subject: this.draft.subject ?? '' } : {}) };
      const preview = await this.api.post<Preview>(`/api/templates/${template.id}/preview`, { ...draft, ...this.recordChoice() });
      this.preview.set(preview);
      const kind = this.kinds.find((k) => k === preview.record.type); // a kind the picker offers (the preview knows more)
      if (!this.kindChosen && !this.chosen() && kind && kind !== this.recordKind()) this.recordKind.set(kind);
      this.errors.set({});
      this.message.set('');
    } catch (error) {
      this.showErrors(error);
    }
  }

  private recordChoice(): { recordType?: RecordKind; recordId?: string } {
    const record = this.chosen();
    return record ? { recordType: record.type, recordId: record.id } : {};
  }

  private showErrors(error: unknown): void {
    const failure = failureOf(error);
    this.errors.set(failure.fields);
    this.message.set(failure.message);
  }
}
