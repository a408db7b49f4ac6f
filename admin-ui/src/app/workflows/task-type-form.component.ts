import { Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Api, errorMessage, failureOf, type Page } from '../core/api';
import { Session } from '../core/session';

interface TaskPart {
  active: boolean;
  templateKey: string | null;
  delayDays?: number | null;
  customized: boolean;
  workflowId: string | null;
}

interface TaskTypeSetting {
  id: string;
  name: string;
  onExpired: TaskPart;
  onCompleted: TaskPart;
  onNew: TaskPart;
}

type PartName = 'onExpired' | 'onCompleted' | 'onNew';

/** Seed 004's task-type form: three workflows, each with the seed's explanation, in the seed's order. */
const PARTS: { name: PartName; use: string; explanation: string; template: string; days?: string }[] = [
  {
    name: 'onExpired', use: 'Gebruikt workflow verlopen taak', template: 'Template email verlopen taak',
    explanation: 'Er zal automatisch eenmalig een e-mail verstuurd worden naar de verantwoordelijke als deze taak is verlopen.',
  },
  {
    name: 'onCompleted', use: 'Gebruikt workflow afgehandelde taak', template: 'Template email afgehandelde taak', days: 'Aantal dagen email na afgehandelde taak',
    explanation: 'Er zal automatisch eenmalig een e-mail verstuurd worden naar contact taak als deze taak is afgehandeld is, rekening houdend met het opgegeven aantal dagen.',
  },
  {
    name: 'onNew', use: 'Gebruikt workflow nieuwe taak', template: 'Template email nieuwe taak',
    explanation: 'Er zal automatisch een e-mail verstuurd worden naar de verantwoordelijke als de nieuwe taak wordt opgeslagen.',
  },
];

@Component({
  selector: 'st-task-type-form',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  styles: `
    form { display: flex; flex-direction: column; gap: 4px; }
    fieldset { border: 1px solid #ddd; padding: 8px 12px; margin: 0 0 8px; display: flex; flex-direction: column; }
    .explanation { color: #555; font-size: 14px; }
    pre { background: #f5f5f5; padding: 12px; overflow: auto; font-size: 13px; }
    .saved { color: #1b6e20; }
  `,
  template: `
    @if (setting(); as s) {
      <h2>Taak type: {{ s.name }}</h2>
      <form (ngSubmit)="save()">
        @for (part of parts; track part.name) {
          <fieldset [attr.aria-label]="part.use">
            <mat-checkbox [name]="part.name + '.active'" [(ngModel)]="draft[part.name].active" [disabled]="!canEdit()">{{ part.use }}</mat-checkbox>
            @if (s[part.name].customized) { <p role="note">Deze workflow is in de DSL aangepast; bewerk hem in de DSL-editor.</p> }
            @if (draft[part.name].active) {
              <p class="explanation">{{ part.explanation }}</p>
              <mat-form-field>
                <mat-label>{{ part.template }}</mat-label>
                <mat-select [name]="part.name + '.templateKey'" required [(ngModel)]="draft[part.name].templateKey" [disabled]="!canEdit()">
                  @for (t of templates(); track t.key) { <mat-option [value]="t.key">{{ t.name }}</mat-option> }
                </mat-select>
              </mat-form-field>
              @if (errors()[part.name + '.templateKey']; as e) { <p class="error" [attr.data-field]="part.name + '.templateKey'">{{ e }}</p> }
              @if (part.days) {
                <mat-form-field>
                  <mat-label>{{ part.days }}</mat-label>
                  <input matInput type="number" min="0" required [name]="part.name + '.delayDays'" [(ngModel)]="draft[part.name].delayDays" [disabled]="!canEdit()" />
                </mat-form-field>
                @if (errors()[part.name + '.delayDays']; as e) { <p class="error" [attr.data-field]="part.name + '.delayDays'">{{ e }}</p> }
              }
            }
          </fieldset>
        }
        @if (message()) { <p class="error" role="alert">{{ message() }}</p> }
        @if (saved()) { <p class="saved" role="status">Opgeslagen</p> }
        @if (canEdit()) { <button mat-flat-button type="submit" [disabled]="busy()">Opslaan</button> }
      </form>
      <h3>DSL</h3>
      @for (source of sources(); track $index) { <pre aria-label="DSL van deze workflow">{{ source }}</pre> } @empty { <p>Nog geen workflow.</p> }
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
  readonly templates = signal<{ key: string; name: string }[]>([]);
  readonly sources = signal<string[]>([]);
  readonly errors = signal<Record<string, string>>({});
  readonly message = signal('');
  readonly saved = signal(false);
  readonly busy = signal(false);
  readonly canEdit = computed(() => this.session.isFlowAdmin());
  draft: Record<PartName, { active: boolean; templateKey: string | null; delayDays: number | null }> = this.empty();

  constructor() {
    void this.api.get<Page<{ key: string; name: string }>>('/api/templates', { channel: 'email', limit: 1000 }).then((page) => this.templates.set(page.items));
    effect(() => void this.load(this.id()));
  }

  async save(): Promise<void> {
    this.busy.set(true);
    this.errors.set({});
    this.message.set('');
    this.saved.set(false);
    try {
      const body = Object.fromEntries(PARTS.map(({ name }) => {
        const d = this.draft[name];
        return [name, { active: d.active, templateKey: d.templateKey, ...(name === 'onCompleted' ? { delayDays: d.delayDays === null ? null : Number(d.delayDays) } : {}) }];
      }));
      this.show(await this.api.put<TaskTypeSetting>(`/api/workflow-settings/task-types/${this.id()}`, body));
      this.saved.set(true);
      this.changed.emit();
    } catch (error) {
      const failure = failureOf(error);
      this.errors.set(failure.fields);
      this.message.set(failure.message);
    } finally {
      this.busy.set(false);
    }
  }

  private empty() {
    return { onExpired: { active: false, templateKey: null, delayDays: null }, onCompleted: { active: false, templateKey: null, delayDays: null }, onNew: { active: false, templateKey: null, delayDays: null } };
  }

  private async load(id: string): Promise<void> {
    this.errors.set({});
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
    for (const { name } of PARTS) this.draft[name] = { active: setting[name].active, templateKey: setting[name].templateKey, delayDays: setting[name].delayDays ?? null };
    const ids = PARTS.map(({ name }) => setting[name].workflowId).filter((id): id is string => id !== null);
    void Promise.all(ids.map((id) => this.api.get<{ source: string }>(`/api/workflows/${id}`))).then((rules) => this.sources.set(rules.map((r) => r.source)));
  }
}
