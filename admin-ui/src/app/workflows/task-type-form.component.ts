import { Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api, errorMessage, failureOf } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { Session } from '../core/session';
import { AuditHistoryComponent } from '../core/audit-history.component';
import { ValidationMessagePipe, WholeNumberValidator } from '../core/validation-messages';
import { changedFrom } from '../core/unsaved-changes';

type TaskTypeSetting = ApiSchema<'TaskTypeWorkflowSettings'>;

type PartName = 'onExpired' | 'onCompleted' | 'onNew';
type PartDraft = { active: boolean; templateKey: string | null; delayDays: number | null };

/** Seed 004's task-type form: three workflows in the seed's order, each with the seed's texts (under `taskTypeForm.<name>`). */
const PARTS: { name: PartName; hasDays: boolean }[] = [
  { name: 'onExpired', hasDays: false },
  { name: 'onCompleted', hasDays: true },
  { name: 'onNew', hasDays: false },
];

@Component({
  selector: 'st-task-type-form',
  imports: [AuditHistoryComponent, FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, RouterLink, TranslocoPipe, ValidationMessagePipe, WholeNumberValidator],
  styles: `
    form { display: flex; flex-direction: column; gap: 4px; }
    fieldset { border: 1px solid #ddd; padding: 8px 12px; margin: 0 0 8px; display: flex; flex-direction: column; }
    .explanation { color: #555; font-size: 14px; }
    pre { background: #f5f5f5; padding: 12px; overflow: auto; font-size: 13px; }
    .saved { color: #1b6e20; }
  `,
  template: `
    @if (setting(); as s) {
      <h2>{{ 'taskTypeForm.title' | transloco: { name: s.name } }}</h2>
      <form (ngSubmit)="save()">
        @for (part of parts; track part.name) {
          @let texts = 'taskTypeForm.' + part.name;
          <fieldset [attr.aria-label]="texts + '.use' | transloco">
            @let readOnly = isReadOnly(part.name);
            <mat-checkbox [name]="part.name + '.active'" [(ngModel)]="draft[part.name].active" [disabled]="readOnly">{{ texts + '.use' | transloco }}</mat-checkbox>
            @if (s[part.name].customized) {
              <p role="note" class="customized">
                {{ 'taskTypeForm.customized' | transloco }}
                @if (s[part.name].workflowId; as workflowId) { <a routerLink="/dsl" [queryParams]="{ workflow: workflowId }">{{ 'workflowForms.openInDsl' | transloco }}</a> }
              </p>
            }
            @if (draft[part.name].active || s[part.name].customized) {
              <p class="explanation">{{ texts + '.explanation' | transloco }}</p>
              <mat-form-field>
                <mat-label>{{ texts + '.template' | transloco }}</mat-label>
                <mat-select [name]="part.name + '.templateKey'" required [(ngModel)]="draft[part.name].templateKey" #templateKey="ngModel" [disabled]="readOnly">
                  @for (t of templates(); track t.key) { <mat-option [value]="t.key">{{ t.name }}</mat-option> }
                </mat-select>
                <mat-error>{{ templateKey.errors | validationMessage }}</mat-error>
              </mat-form-field>
              @if (errors()[part.name + '.templateKey']; as e) { <p class="error" [attr.data-field]="part.name + '.templateKey'">{{ e }}</p> }
              @if (part.hasDays) {
                <mat-form-field>
                  <mat-label>{{ texts + '.days' | transloco }}</mat-label>
                  <input matInput type="number" min="0" max="3650" stWholeNumber required [name]="part.name + '.delayDays'" [(ngModel)]="draft[part.name].delayDays" #days="ngModel" [disabled]="readOnly" />
                  <mat-error>{{ days.errors | validationMessage }}</mat-error>
                </mat-form-field>
                @if (errors()[part.name + '.delayDays']; as e) { <p class="error" [attr.data-field]="part.name + '.delayDays'">{{ e }}</p> }
              }
            }
          </fieldset>
        }
        @if (message()) { <p class="error" role="alert">{{ message() }}</p> }
        @if (saved()) { <p class="saved" role="status">{{ 'common.saved' | transloco }}</p> }
        @if (editableParts().length > 0) { <button mat-flat-button type="submit" [disabled]="busy()">{{ 'common.save' | transloco }}</button> }
      </form>
      <h3>{{ 'workflows.dsl' | transloco }}</h3>
      @for (source of sources(); track $index) { <pre tabindex="0" [attr.aria-label]="'workflows.dslOfWorkflow' | transloco">{{ source }}</pre> } @empty { <p>{{ 'taskTypeForm.noWorkflow' | transloco }}</p> }
      @for (part of parts; track part.name) {
        @if (s[part.name].workflowId; as workflowId) { <st-audit-history subject="workflow" [subjectId]="workflowId" [revision]="revision()" /> }
      }
    }
  `,
})
export class TaskTypeFormComponent {
  private readonly api = inject(Api);
  private readonly session = inject(Session);
  readonly id = input.required<string>();
  readonly changed = output<void>();
  readonly parts = PARTS;
  readonly setting = signal<TaskTypeSetting | undefined>(undefined);
  readonly templates = signal<Pick<ApiSchema<'Template'>, 'key' | 'name'>[]>([]);
  readonly sources = signal<string[]>([]);
  readonly errors = signal<Record<string, string>>({});
  readonly message = signal('');
  readonly saved = signal(false);
  readonly busy = signal(false);
  /** Bumped on every save, so the change logs reload. */
  readonly revision = signal(0);
  readonly canEdit = computed(() => this.session.isFlowAdmin());
  /** The workflows the form may save: a workflow customized in the DSL is only shown (a save would drop those parts). */
  readonly editableParts = computed(() => {
    const setting = this.setting();
    return this.canEdit() && setting ? PARTS.map((p) => p.name).filter((name) => !setting[name].customized) : [];
  });
  draft: Record<PartName, PartDraft> = this.empty();
  /** The draft as last loaded or saved, to tell unsaved changes. */
  private loaded: Record<PartName, PartDraft> = this.empty();

  constructor() {
    void this.api.get<ApiSchema<'TemplateList'>>('/api/templates', { channel: 'email', limit: 1000 }).then((page) => this.templates.set(page.items));
    effect(() => void this.load(this.id()));
  }

  isReadOnly(part: PartName): boolean {
    return !this.editableParts().includes(part);
  }

  /** Whether an editable workflow holds changes not saved yet. */
  isDirty(): boolean {
    return this.editableParts().some((part) => changedFrom(this.draft[part], this.loaded[part]));
  }

  async save(): Promise<void> {
    this.busy.set(true);
    this.errors.set({});
    this.message.set('');
    this.saved.set(false);
    try {
      const body = Object.fromEntries(PARTS.filter(({ name }) => !this.isReadOnly(name)).map(({ name }) => {
        const d = this.draft[name];
        return [name, { active: d.active, templateKey: d.templateKey, ...(name === 'onCompleted' ? { delayDays: d.delayDays === null ? null : Number(d.delayDays) } : {}) }];
      }));
      this.show(await this.api.put<TaskTypeSetting>(`/api/workflow-settings/task-types/${this.id()}`, body));
      this.saved.set(true);
      this.revision.update((n) => n + 1);
      this.changed.emit();
    } catch (error) {
      const failure = failureOf(error);
      this.errors.set(failure.fields);
      // The fields of a workflow switched off are hidden: their messages go where they can be read.
      const hidden = Object.entries(failure.fields).filter(([field]) => !this.draft[field.split('.')[0] as PartName]?.active).map(([, text]) => text);
      this.message.set([failure.message, ...hidden].filter(Boolean).join(' '));
      // Changed in the DSL editor meanwhile (409): show the row as it is now, read-only, beside the message.
      if ((error as { status?: number }).status === 409) {
        await this.api.get<TaskTypeSetting>(`/api/workflow-settings/task-types/${this.id()}`).then((row) => this.show(row), () => undefined);
      }
    } finally {
      this.busy.set(false);
    }
  }

  private empty() {
    return { onExpired: { active: false, templateKey: null, delayDays: null }, onCompleted: { active: false, templateKey: null, delayDays: null }, onNew: { active: false, templateKey: null, delayDays: null } };
  }

  private async load(id: string): Promise<void> {
    this.errors.set({});
    this.message.set('');
    this.saved.set(false);
    try {
      this.show(await this.api.get<TaskTypeSetting>(`/api/workflow-settings/task-types/${id}`));
    } catch (error) {
      this.message.set(errorMessage(error));
    }
  }

  private show(setting: TaskTypeSetting): void {
    this.setting.set(setting);
    this.draft = this.empty();
    for (const { name } of PARTS) {
      const part = setting[name];
      this.draft[name] = { active: part.active, templateKey: part.templateKey, delayDays: 'delayDays' in part ? part.delayDays : null };
    }
    this.loaded = structuredClone(this.draft);
    const ids = PARTS.map(({ name }) => setting[name].workflowId).filter((id): id is string => id !== null);
    void Promise.all(ids.map((id) => this.api.get<ApiSchema<'Workflow'>>(`/api/workflows/${id}`))).then((rules) => this.sources.set(rules.map((r) => r.source)));
  }
}
