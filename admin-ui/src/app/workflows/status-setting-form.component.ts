import { Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage, failureOf } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { Session } from '../core/session';
import { ExplainPanelComponent } from './explain-panel.component';
import { changedFrom } from '../core/unsaved-changes';
import { AuditHistoryComponent } from '../core/audit-history.component';
import { ValidationMessagePipe, WholeNumberValidator } from '../core/validation-messages';

export type StatusSetting = ApiSchema<'StatusWorkflowSetting'>;

/** The roles the API takes as a recipient; any other value is an e-mail address (chosen as `address`). */
const RECIPIENT_ROLES = ['person', 'owner', 'our_contact', 'service_contact'];
const RECIPIENTS = [...RECIPIENT_ROLES, 'address'];

function emptyDraft(): Draft {
  return { active: false, sendReminder: false, templateKey: null, delayDays: null, recipient: null, reminderIntervalDays: null, reminderMaxCount: null };
}

type Draft = Omit<StatusSetting, 'id' | 'name' | 'statusActive' | 'customized' | 'workflowId'>;

/**
 * Seed 004's form for one status: the dependent fields appear when the workflow is switched on;
 * required ones are marked, and each says what is wrong. Switched off, the hidden fields keep their
 * values (and are saved: the rule keeps them as `inactive`). A row customized in the DSL is read-only.
 */
@Component({
  selector: 'st-status-setting-form',
  imports: [ExplainPanelComponent, AuditHistoryComponent, FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatSlideToggleModule, RouterLink, TranslocoPipe, ValidationMessagePipe, WholeNumberValidator],
  styles: `
    form { display: flex; flex-direction: column; gap: 4px; }
    .row { display: flex; gap: 12px; }
    pre { background: #f5f5f5; padding: 12px; overflow: auto; font-size: 13px; }
    .saved { color: #1b6e20; }
  `,
  template: `
    @if (setting(); as s) {
      <h2>{{ s.name }}</h2>
      @if (s.customized) {
        <p role="note" class="customized">
          {{ 'statusForm.customized' | transloco }}
          @if (s.workflowId) { <a routerLink="/dsl" [queryParams]="{ workflow: s.workflowId }">{{ 'workflowForms.openInDsl' | transloco }}</a> }
        </p>
      }
      <form (ngSubmit)="save()">
        <mat-slide-toggle name="active" [(ngModel)]="draft.active" [disabled]="readOnly()">{{ 'statusForm.active' | transloco }}</mat-slide-toggle>
        @if (draft.active || s.customized) {
          <mat-form-field>
            <mat-label>{{ 'statusForm.template' | transloco }}</mat-label>
            <mat-select name="templateKey" required [(ngModel)]="draft.templateKey" #templateKey="ngModel" [disabled]="readOnly()">
              @for (t of templates(); track t.key) {
                <mat-option [value]="t.key">{{ t.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ templateKey.errors | validationMessage }}</mat-error>
          </mat-form-field>
          @if (errors()['templateKey']) { <p class="error" data-field="templateKey">{{ errors()['templateKey'] }}</p> }
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'statusForm.delayDays' | transloco }}</mat-label>
              <input matInput name="delayDays" type="number" min="0" max="3650" stWholeNumber required [(ngModel)]="draft.delayDays" #delayDays="ngModel" [disabled]="readOnly()" />
              <mat-error>{{ delayDays.errors | validationMessage }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'statusForm.recipient' | transloco }}</mat-label>
              <mat-select name="recipient" required [(ngModel)]="draft.recipient" #recipient="ngModel" [disabled]="readOnly()">
                @for (r of recipients; track r) {
                  <mat-option [value]="r">{{ (r === 'address' ? 'seedfix.recipientIsAddress' : 'statusForm.recipients.' + r) | transloco }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ recipient.errors | validationMessage }}</mat-error>
            </mat-form-field>
            @if (draft.recipient === 'address') {
              <mat-form-field>
                <mat-label>{{ 'seedfix.recipientAddress' | transloco }}</mat-label>
                <input matInput name="recipientAddress" type="email" email required maxlength="320" [(ngModel)]="recipientAddress" #address="ngModel" [disabled]="readOnly()" />
                <mat-error>{{ address.errors | validationMessage }}</mat-error>
              </mat-form-field>
            }
          </div>
          @if (errors()['delayDays']) { <p class="error" data-field="delayDays">{{ errors()['delayDays'] }}</p> }
          @if (errors()['recipient']) { <p class="error" data-field="recipient">{{ errors()['recipient'] }}</p> }
          <mat-checkbox name="sendReminder" [(ngModel)]="draft.sendReminder" [disabled]="readOnly()">{{ 'statusForm.sendReminder' | transloco }}</mat-checkbox>
          @if (draft.sendReminder) {
            <div class="row">
              <mat-form-field>
                <mat-label>{{ 'statusForm.intervalDays' | transloco }}</mat-label>
                <input matInput name="reminderIntervalDays" type="number" min="1" max="365" stWholeNumber required [(ngModel)]="draft.reminderIntervalDays" #interval="ngModel" [disabled]="readOnly()" />
                <mat-error>{{ interval.errors | validationMessage }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'statusForm.maxCount' | transloco }}</mat-label>
                <input matInput name="reminderMaxCount" type="number" min="1" max="100" stWholeNumber required [(ngModel)]="draft.reminderMaxCount" #maxCount="ngModel" [disabled]="readOnly()" />
                <mat-error>{{ maxCount.errors | validationMessage }}</mat-error>
              </mat-form-field>
            </div>
            @if (errors()['reminderIntervalDays']) { <p class="error" data-field="reminderIntervalDays">{{ errors()['reminderIntervalDays'] }}</p> }
            @if (errors()['reminderMaxCount']) { <p class="error" data-field="reminderMaxCount">{{ errors()['reminderMaxCount'] }}</p> }
          }
        }
        @if (message()) { <p class="error" role="alert">{{ message() }}</p> }
        @if (saved()) { <p class="saved" role="status">{{ 'common.saved' | transloco }}</p> }
        @if (!readOnly()) {
          <button mat-flat-button type="submit" [disabled]="busy()">{{ 'common.save' | transloco }}</button>
        }
      </form>
      <h3>{{ 'workflows.dsl' | transloco }}</h3>
      @if (source()) {
        <pre tabindex="0" [attr.aria-label]="'workflows.dslOfWorkflow' | transloco">{{ source() }}</pre>
      } @else {
        <p>{{ 'statusForm.noWorkflow' | transloco }}</p>
      }
      @if (s.workflowId) {
        <st-explain-panel [workflowId]="s.workflowId" [entity]="entity()" />
        <st-audit-history subject="workflow" [subjectId]="s.workflowId" [revision]="revision()" />
      }
    }
  `,
})
export class StatusSettingFormComponent {
  private readonly api = inject(Api);
  private readonly session = inject(Session);
  readonly kind = input.required<string>();
  readonly id = input.required<string>();
  readonly changed = output<void>();
  readonly recipients = RECIPIENTS;
  readonly setting = signal<StatusSetting | undefined>(undefined);
  readonly templates = signal<Pick<ApiSchema<'Template'>, 'key' | 'name'>[]>([]);
  readonly source = signal('');
  readonly errors = signal<Record<string, string>>({});
  readonly message = signal('');
  readonly saved = signal(false);
  readonly busy = signal(false);
  /** Bumped on every save, so the change log reloads. */
  readonly revision = signal(0);
  /** Content editors may look but not change workflow settings. */
  readonly canEdit = computed(() => this.session.isFlowAdmin());
  /** A row changed in the DSL into what the form cannot show is only shown: a save would drop those parts. */
  readonly readOnly = computed(() => !this.canEdit() || (this.setting()?.customized ?? false));
  /** The record a status belongs to, for the explain view. */
  readonly entity = computed(() => ({ 'quote-request-statuses': 'quote_request', 'opportunity-statuses': 'opportunity', 'intake-measures': 'intake_measure' } as Record<string, string>)[this.kind()] ?? 'quote_request');
  draft: Draft = emptyDraft();
  /** The fixed e-mail address when the recipient is `address`. */
  recipientAddress = '';
  /** The draft as last loaded or saved, to tell unsaved changes. */
  private loaded: Draft = emptyDraft();
  private loadedAddress = '';

  constructor() {
    void this.api.get<ApiSchema<'TemplateList'>>('/api/templates', { channel: 'email', limit: 1000 }).then((page) => this.templates.set(page.items));
    effect(() => void this.load(this.kind(), this.id()));
  }

  /** Whether the form holds changes not saved yet. */
  isDirty(): boolean {
    return !this.readOnly() && this.setting() !== undefined && (changedFrom(this.draft, this.loaded) || this.recipientAddress !== this.loadedAddress);
  }

  async save(): Promise<void> {
    this.busy.set(true);
    this.errors.set({});
    this.message.set('');
    this.saved.set(false);
    try {
      const d = this.draft;
      const body = {
        active: d.active, sendReminder: d.sendReminder, templateKey: d.templateKey, delayDays: d.delayDays === null ? null : Number(d.delayDays),
        recipient: d.recipient === 'address' ? this.recipientAddress.trim() : d.recipient, reminderIntervalDays: d.reminderIntervalDays === null ? null : Number(d.reminderIntervalDays),
        reminderMaxCount: d.reminderMaxCount === null ? null : Number(d.reminderMaxCount),
      };
      this.show(await this.api.put<StatusSetting>(`/api/workflow-settings/${this.kind()}/${this.id()}`, body));
      this.saved.set(true);
      this.revision.update((n) => n + 1);
      this.changed.emit();
    } catch (error) {
      const failure = failureOf(error);
      this.errors.set(failure.fields);
      // Switched off, the fields are hidden: their messages go where they can be read.
      this.message.set(this.draft.active ? failure.message : [failure.message, ...Object.values(failure.fields)].filter(Boolean).join(' '));
      // Changed in the DSL editor meanwhile (409): show the row as it is now, read-only, beside the message.
      if ((error as { status?: number }).status === 409) {
        await this.api.get<StatusSetting>(`/api/workflow-settings/${this.kind()}/${this.id()}`).then((row) => this.show(row), () => undefined);
      }
    } finally {
      this.busy.set(false);
    }
  }

  private async load(kind: string, id: string): Promise<void> {
    this.errors.set({});
    this.message.set('');
    this.saved.set(false);
    try {
      this.show(await this.api.get<StatusSetting>(`/api/workflow-settings/${kind}/${id}`));
    } catch (error) {
      this.message.set(errorMessage(error));
    }
  }

  private show(setting: StatusSetting): void {
    this.setting.set(setting);
    const { active, sendReminder, templateKey, delayDays, recipient, reminderIntervalDays, reminderMaxCount } = setting;
    const isAddress = recipient !== null && !RECIPIENT_ROLES.includes(recipient);
    this.draft = { active, sendReminder, templateKey, delayDays, recipient: isAddress ? 'address' : recipient, reminderIntervalDays, reminderMaxCount };
    this.recipientAddress = isAddress ? recipient : '';
    this.loaded = { ...this.draft };
    this.loadedAddress = this.recipientAddress;
    this.source.set('');
    if (setting.workflowId) void this.api.get<ApiSchema<'Workflow'>>(`/api/workflows/${setting.workflowId}`).then((w) => this.source.set(w.source));
  }
}
