import { Component, type OnInit, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTabsModule } from '@angular/material/tabs';
import { TranslocoPipe, translate } from '@jsverse/transloco';
import { Api, failureOf } from '../core/api';
import { changedFrom } from '../core/unsaved-changes';
import { EmailPreviewComponent, type EmailDraft } from './email-preview.component';
import { GrapesDesignerComponent } from './grapes-designer.component';
import { variableHtml } from './merge-variables';
import { MjmlCodeComponent, type MjmlDiagnostic } from './mjml-code.component';
import type { Template } from './template-editor.component';
import { VariableChipsComponent } from './variable-chips.component';

const TABS = ['design', 'code', 'preview'] as const;
type Tab = (typeof TABS)[number];

/**
 * A designed (MJML) e-mail: name and subject, the block designer, its MJML in a code view, and a
 * preview rendered by the server on a person at desktop and phone width. Saving compiles the MJML
 * on the server; its errors and warnings show at their line.
 */
@Component({
  selector: 'st-email-designer',
  imports: [EmailPreviewComponent, FormsModule, GrapesDesignerComponent, MatButtonModule, MatFormFieldModule, MatInputModule, MatTabsModule, MjmlCodeComponent, TranslocoPipe, VariableChipsComponent],
  styles: `
    .fields { display: grid; grid-template-columns: minmax(200px, 1fr) minmax(260px, 2fr) auto; gap: 12px; align-items: baseline; }
    @media (max-width: 800px) { .fields { grid-template-columns: 1fr; } }
    .saved { color: #1b6e20; }
    .problems li { margin: 2px 0; }
    .warning { color: #7a4f01; }
    .note { opacity: 0.8; }
  `,
  template: `
    <form class="fields" (ngSubmit)="save()">
      <mat-form-field>
        <mat-label>{{ 'templateEditor.name' | transloco }}</mat-label>
        <input matInput name="name" required [(ngModel)]="draft.name" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'templateEditor.subject' | transloco }}</mat-label>
        <input matInput name="subject" required [(ngModel)]="draft.subject" />
        @if (fieldErrors()['subject']) { <mat-error>{{ fieldErrors()['subject'] }}</mat-error> }
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()">{{ 'common.save' | transloco }}</button>
    </form>
    @if (fieldErrors()['subject']) { <p class="error" data-field="subject">{{ fieldErrors()['subject'] }}</p> }
    @if (message()) { <p class="error" role="alert">{{ message() }}</p> }
    @if (saved()) { <p class="saved" role="status">{{ 'common.saved' | transloco }}</p> }
    @if (problems().errors.length > 0 || problems().warnings.length > 0) {
      <section class="problems" [attr.aria-label]="'content.problems' | transloco" data-mjml-problems>
        <ul>
          @for (d of problems().errors; track $index) { <li class="error">{{ lineOf(d) }}{{ d.message }}</li> }
          @for (d of problems().warnings; track $index) { <li class="warning">{{ 'content.warnings' | transloco }}: {{ lineOf(d) }}{{ d.message }}</li> }
        </ul>
      </section>
    }
    <mat-tab-group preserveContent [selectedIndex]="tabIndex()" (selectedIndexChange)="switchTo(tabs[$event]!)" animationDuration="0ms">
      <mat-tab [label]="'content.tabs.design' | transloco">
        <st-variable-chips (picked)="insert($event)" />
        @if (hint()) { <p class="note" role="status">{{ hint() }}</p> }
        <p class="note">{{ 'content.blocksHint' | transloco }}</p>
        <st-grapes-designer [mjml]="mjml()" (changed)="touched()" />
      </mat-tab>
      <mat-tab [label]="'content.tabs.code' | transloco">
        <p class="note">{{ 'content.codeHint' | transloco }}</p>
        <st-mjml-code [source]="mjml()" [diagnostics]="problems()" [label]="'content.code' | transloco" (edited)="codeEdited($event)" />
      </mat-tab>
      <mat-tab [label]="'content.tabs.preview' | transloco">
        @if (tab() === 'preview') { <st-email-preview [templateId]="template().id" [draft]="previewDraft()" /> }
      </mat-tab>
    </mat-tab-group>
  `,
})
export class EmailDesignerComponent implements OnInit {
  private readonly api = inject(Api);
  readonly template = input.required<Template>();
  readonly saves = output<Template>();
  readonly tabs = TABS;
  readonly tab = signal<Tab>('design');
  readonly tabIndex = computed(() => TABS.indexOf(this.tab()));
  /** The MJML as last taken from the designer or the code view. */
  readonly mjml = signal('');
  readonly problems = signal<{ errors: MjmlDiagnostic[]; warnings: MjmlDiagnostic[] }>({ errors: [], warnings: [] });
  readonly fieldErrors = signal<Record<string, string>>({});
  readonly message = signal('');
  readonly hint = signal('');
  readonly saved = signal(false);
  readonly busy = signal(false);
  readonly previewDraft = signal<EmailDraft>({ subject: '', body: '', format: 'mjml' });
  private readonly designer = viewChild(GrapesDesignerComponent);
  private readonly code = viewChild(MjmlCodeComponent);
  private loaded = { name: '', subject: '', body: '' };
  private designChanged = false;
  draft = { name: '', subject: '' };

  ngOnInit(): void {
    this.reset(this.template());
  }

  /** A change in the design or code, or in name or subject, not saved yet (the designer's MJML is not compared: it formats its own way). */
  isDirty(): boolean {
    return this.designChanged || changedFrom(this.draft, { name: this.loaded.name, subject: this.loaded.subject });
  }

  touched(): void {
    this.designChanged = true;
    this.saved.set(false);
  }

  codeEdited(source: string): void {
    if (source !== this.mjml()) this.touched();
  }

  lineOf(d: MjmlDiagnostic): string {
    return d.line ? `${translate('content.line', { line: d.line })}: ` : '';
  }

  insert(path: string): void {
    const placed = this.designer()?.insert(variableHtml(path, translate('content.unsubscribeText')));
    this.hint.set(placed ? '' : translate('content.selectText'));
    if (placed) this.touched();
  }

  /** The design moves with the tab: the code view starts from the designer's MJML, the designer from edited code. */
  switchTo(next: Tab): void {
    const current = this.currentMjml();
    if (this.tab() === 'code' && next !== 'code' && current !== this.mjml()) this.designer()?.load(current);
    this.mjml.set(current);
    if (next === 'preview') this.previewDraft.set({ subject: this.draft.subject, body: current, format: 'mjml' });
    this.tab.set(next);
  }

  async save(): Promise<void> {
    this.busy.set(true);
    this.message.set('');
    this.saved.set(false);
    const body = this.currentMjml();
    this.mjml.set(body);
    try {
      const saved = await this.api.patch<Template>(`/api/templates/${this.template().id}`, { name: this.draft.name, subject: this.draft.subject, body, format: 'mjml' });
      this.loaded = { name: saved.name, subject: saved.subject ?? '', body: saved.body };
      this.designChanged = false;
      this.problems.set({ errors: [], warnings: saved.warnings ?? [] });
      this.fieldErrors.set({});
      this.saved.set(true);
      this.saves.emit(saved);
    } catch (error) {
      const diagnostics = (error as { error?: { details?: { diagnostics?: MjmlDiagnostic[] } } }).error?.details?.diagnostics;
      if (diagnostics) {
        this.problems.set({ errors: diagnostics, warnings: [] });
        this.message.set(translate('content.problems'));
      } else {
        const failure = failureOf(error);
        this.fieldErrors.set(failure.fields);
        this.message.set(failure.message);
      }
    } finally {
      this.busy.set(false);
    }
  }

  private currentMjml(): string {
    if (this.tab() === 'code') return this.code()?.current() ?? this.mjml();
    return this.designer()?.current() ?? this.mjml();
  }

  private reset(template: Template): void {
    this.draft = { name: template.name, subject: template.subject ?? '' };
    this.loaded = { name: template.name, subject: template.subject ?? '', body: template.body };
    this.mjml.set(template.body);
    this.problems.set({ errors: [], warnings: template.warnings ?? [] });
  }
}
