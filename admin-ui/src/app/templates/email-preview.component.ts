import { Component, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, translate } from '@jsverse/transloco';
import { Api, errorMessage } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import type { operations } from '../core/api-types';
import { EmailFrameComponent } from '../core/email-frame.component';
import { type PickedRecord, RecordPickerComponent } from '../core/record-picker.component';

/** What the server renders: `body` exactly as it is sent, `text` its plain-text part. */
export type EmailPreview = ApiSchema<'TemplatePreview'>;

type PreviewRequest = NonNullable<operations['TemplateActionsController_preview']['requestBody']>['content']['application/json'];

/** The draft a preview renders: unsaved subject and MJML (compiled by the server as a save would). */
export type EmailDraft = Required<Pick<PreviewRequest, 'subject' | 'body' | 'format'>>;

const WIDTHS = { desktop: 680, mobile: 375 } as const;

/**
 * A designed e-mail rendered by the server on a chosen person (or the sample person), at desktop
 * or phone width, with its plain-text part; and a test send of the saved template on that person.
 */
@Component({
  selector: 'st-email-preview',
  imports: [EmailFrameComponent, FormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule, RecordPickerComponent, TranslocoPipe],
  styles: `
    :host { display: block; }
    .bar { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; }
    .bar st-record-picker { flex: 1 1 260px; }
    .frame { margin: 8px auto; transition: width 0.2s; max-width: 100%; }
    st-email-frame { --email-frame-height: 640px; }
    pre { white-space: pre-wrap; background: #f5f5f5; padding: 8px; max-height: 320px; overflow: auto; }
    .test { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
  `,
  template: `
    <div class="bar">
      <mat-button-toggle-group [value]="device()" (change)="device.set($event.value)" [attr.aria-label]="'content.device' | transloco" data-device>
        <mat-button-toggle value="desktop">{{ 'content.desktop' | transloco }}</mat-button-toggle>
        <mat-button-toggle value="mobile">{{ 'content.mobile' | transloco }}</mat-button-toggle>
      </mat-button-toggle-group>
      <st-record-picker name="previewPerson" kind="person" (picked)="choose($event)"
                        [label]="'recordPicker.record' | transloco: { kind: ('recordPicker.kinds.person' | transloco) }" />
    </div>
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @if (preview(); as p) {
      <p class="note" data-preview-on>
        @if (chosen(); as c) { {{ 'recordPicker.chosen' | transloco: { label: c.label } }} }
        @else { {{ 'recordPicker.sample' | transloco: { one: ('recordPicker.one.person' | transloco) } }} }
      </p>
      <p><strong>{{ 'templateEditor.previewSubject' | transloco }}</strong>&ngsp;<span data-preview="subject">{{ p.subject }}</span></p>
      <div class="frame" [style.width.px]="width()" [attr.data-width]="width()">
        <st-email-frame [html]="p.body" [label]="'templateEditor.previewFrame' | transloco" />
      </div>
      <details data-text-part>
        <summary>{{ 'content.textPart' | transloco }}</summary>
        <pre>{{ p.text }}</pre>
      </details>
      @if (p.empty.length > 0) {
        <section [attr.aria-label]="'recordPicker.empty' | transloco" data-empty-variables>
          <h4>{{ 'recordPicker.empty' | transloco }}</h4>
          <ul>@for (e of p.empty; track e.variable) { <li><code>{{ e.variable }}</code>: {{ e.reason }}</li> }</ul>
        </section>
      }
    }
    <h3>{{ 'templateEditor.test' | transloco }}</h3>
    <div class="test">
      <mat-form-field>
        <mat-label>{{ 'templateEditor.toEmail' | transloco }}</mat-label>
        <input matInput name="to" type="email" [(ngModel)]="to" />
      </mat-form-field>
      <button mat-stroked-button type="button" (click)="testSend()">{{ 'templateEditor.send' | transloco }}</button>
    </div>
    <p class="note">{{ 'recordPicker.testOn' | transloco }}</p>
    @if (testResult(); as r) { <p role="status">{{ r }}</p> }
  `,
})
export class EmailPreviewComponent {
  private readonly api = inject(Api);
  readonly templateId = input.required<string>();
  readonly draft = input.required<EmailDraft>();
  readonly device = signal<keyof typeof WIDTHS>('desktop');
  readonly preview = signal<EmailPreview | undefined>(undefined);
  readonly chosen = signal<PickedRecord | null>(null);
  readonly error = signal('');
  readonly testResult = signal('');
  to = '';

  constructor() {
    effect(() => void this.render(this.draft(), this.chosen()));
  }

  width(): number {
    return WIDTHS[this.device()];
  }

  choose(record: PickedRecord | null): void {
    this.chosen.set(record);
  }

  async testSend(): Promise<void> {
    try {
      const person = this.chosen();
      await this.api.post(`/api/templates/${this.templateId()}/test-send`, { to: this.to, ...(person ? { personId: person.id } : {}) });
      this.testResult.set(translate('templateEditor.queued', { to: this.to }));
    } catch (error) {
      this.testResult.set(errorMessage(error));
    }
  }

  private async render(draft: EmailDraft, person: PickedRecord | null): Promise<void> {
    try {
      this.preview.set(await this.api.post<EmailPreview>(`/api/templates/${this.templateId()}/preview`, { ...draft, ...(person ? { personId: person.id } : {}) }));
      this.error.set('');
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}

