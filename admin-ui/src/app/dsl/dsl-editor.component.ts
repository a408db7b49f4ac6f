import { Component, ElementRef, type OnDestroy, afterNextRender, computed, effect, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { unifiedMergeView } from '@codemirror/merge';
import { Compartment, EditorState } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { parse, stepIdsOf } from '@stroom/dsl';
import { Api, errorMessage, type Page } from '../core/api';
import { Session } from '../core/session';
import { plural } from '../i18n/dictionary';
import { codeMirrorPhrases } from '../i18n/codemirror-phrases';
import { LanguageChoice } from '../i18n/language-choice';
import { stroomLanguage, type ServerDiagnostic } from './dsl-language';

interface StepImpact {
  stepId: string;
  kind: string;
  participants: number;
}

interface Impact {
  changed: StepImpact[];
  removed: StepImpact[];
  added: string[];
}

interface Rule {
  kind: 'workflows' | 'flows';
  id: string;
  name: string;
}

/** The DSL editor (SPEC §7): CodeMirror with the language's highlighting, live diagnostics, completion, format, and a diff against the saved version. */
@Component({
  selector: 'st-dsl-editor',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatSelectModule, MatSlideToggleModule, TranslocoPipe],
  styles: `
    .bar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    .rule { width: 340px; max-width: 100%; }
    .editor { border: 1px solid #ccc; min-height: 360px; }
    .editor ::ng-deep .cm-editor { min-height: 360px; }
    .saved { color: #1b6e20; }
  `,
  template: `
    <section class="page">
      <h1>{{ 'dsl.title' | transloco }}</h1>
      <div class="bar">
        <mat-form-field class="rule">
          <mat-label>{{ 'dsl.rule' | transloco }}</mat-label>
          <mat-select [(ngModel)]="selected" (selectionChange)="open()" [compareWith]="same">
            @for (rule of rules(); track rule.kind + rule.id) {
              <mat-option [value]="rule">{{ (rule.kind === 'flows' ? 'common.flow' : 'common.workflow') | transloco }}: {{ rule.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <button mat-stroked-button type="button" (click)="format()">{{ 'dsl.format' | transloco }}</button>
        <mat-slide-toggle [(ngModel)]="showDiff" (change)="diff()">{{ 'dsl.diff' | transloco }}</mat-slide-toggle>
        @if (session.isFlowAdmin() && selected) {
          <button mat-flat-button type="button" (click)="save()">{{ 'common.save' | transloco }}</button>
        }
      </div>
      <p class="count" aria-live="polite" data-problems>{{ problemsText() }}</p>
      @if (impact(); as i) {
        <section class="impact" [attr.aria-label]="'dsl.impact' | transloco">
          <h2>{{ 'dsl.impact' | transloco }}</h2>
          @for (step of i.changed; track step.stepId) {
            @if (step.participants > 0) { <p>{{ 'dsl.changed' | transloco: { step: step.stepId, n: step.participants } }}</p> }
          }
          @for (step of i.removed; track step.stepId) {
            <p>{{ 'dsl.removed' | transloco: { step: step.stepId, n: step.participants } }}</p>
            @if (step.participants > 0) {
              <mat-form-field>
                <mat-label>{{ 'dsl.moveTo' | transloco: { step: step.stepId } }}</mat-label>
                <mat-select [(ngModel)]="moves[step.stepId]">
                  <mat-option value="">{{ 'dsl.letComplete' | transloco }}</mat-option>
                  @for (target of i.targets; track target) { <mat-option [value]="target">{{ target }}</mat-option> }
                </mat-select>
              </mat-form-field>
            }
          }
          <button mat-flat-button type="button" (click)="confirmSave()">{{ 'common.save' | transloco }}</button>
          <button mat-button type="button" (click)="impact.set(undefined)">{{ 'common.cancel' | transloco }}</button>
        </section>
      }
      @if (message()) { <p class="error" role="alert">{{ message() }}</p> }
      @if (saved()) { <p class="saved" role="status">{{ 'common.saved' | transloco }}</p> }
      <div #host class="editor"></div>
    </section>
  `,
})
export class DslEditorComponent implements OnDestroy {
  private readonly api = inject(Api);
  readonly session = inject(Session);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  readonly rules = signal<Rule[]>([]);
  /** The last check's count of errors and warnings. */
  readonly problems = signal<{ errors: number; warnings: number } | undefined>(undefined);
  readonly problemsText = computed(() => {
    const problems = this.problems();
    this.language.current();
    if (!problems) return '';
    const count = (key: string, n: number) => this.transloco.translate(plural(key, n), { n });
    return `${count('dsl.errors', problems.errors)}, ${count('dsl.warnings', problems.warnings)}`;
  });
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageChoice);
  readonly message = signal('');
  readonly saved = signal(false);
  readonly impact = signal<(Impact & { targets: string[] }) | undefined>(undefined);
  moves: Record<string, string> = {};
  selected: Rule | undefined;
  showDiff = false;
  private view: EditorView | undefined;
  private savedSource = '';
  private readonly diffMode = new Compartment();
  private readonly texts = new Compartment();

  constructor() {
    void this.loadRules();
    afterNextRender(() => {
      this.view = new EditorView({
        parent: this.host().nativeElement,
        state: EditorState.create({ doc: '', extensions: [basicSetup, this.texts.of(this.languageTexts()), stroomLanguage((source) => this.check(source)), this.diffMode.of([])] }),
      });
    });
    effect(() => {
      this.language.current();
      this.view?.dispatch({ effects: this.texts.reconfigure(this.languageTexts()) });
    });
  }

  /** The editor's label and CodeMirror's own texts, in the chosen language. */
  private languageTexts() {
    return [EditorView.contentAttributes.of({ 'aria-label': this.transloco.translate('dsl.editor') }), codeMirrorPhrases(this.language.current())];
  }

  same(a: Rule | undefined, b: Rule | undefined): boolean {
    return a?.kind === b?.kind && a?.id === b?.id;
  }

  async open(): Promise<void> {
    if (!this.selected) return;
    const rule = await this.api.get<{ source: string }>(`/api/${this.selected.kind}/${this.selected.id}`);
    this.savedSource = rule.source;
    this.replace(rule.source);
    this.saved.set(false);
    this.diff();
  }

  async format(): Promise<void> {
    const { source } = await this.api.post<{ source: string }>('/api/dsl/format', { source: this.text() });
    this.replace(source);
  }

  /** A flow edit first shows what it does to participants on changed or removed steps (SPEC §3). */
  async save(): Promise<void> {
    this.message.set('');
    if (this.selected?.kind !== 'flows') return this.confirmSave();
    try {
      const preview = await this.api.post<Impact & { source: string }>(`/api/flows/${this.selected.id}/preview-edit`, { source: this.text() });
      const occupied = [...preview.changed, ...preview.removed].some((step) => step.participants > 0);
      if (!occupied) return this.confirmSave();
      const declaration = parse(preview.source).ast.declarations[0];
      this.moves = {};
      this.impact.set({ ...preview, targets: declaration?.kind === 'flow' ? stepIdsOf(declaration) : [] });
    } catch (error) {
      this.message.set(errorMessage(error));
    }
  }

  async confirmSave(): Promise<void> {
    this.message.set('');
    try {
      const moves = Object.fromEntries(Object.entries(this.moves).filter(([, target]) => target));
      const rule = await this.api.put<{ source: string }>(`/api/${this.selected!.kind}/${this.selected!.id}`, { source: this.text(), ...(Object.keys(moves).length > 0 ? { moves } : {}) });
      this.impact.set(undefined);
      this.moves = {};
      this.savedSource = rule.source;
      this.replace(rule.source);
      this.saved.set(true);
      this.diff();
    } catch (error) {
      this.message.set(errorMessage(error));
    }
  }

  diff(): void {
    this.view?.dispatch({ effects: this.diffMode.reconfigure(this.showDiff ? unifiedMergeView({ original: this.savedSource, mergeControls: false }) : []) });
  }

  ngOnDestroy(): void {
    this.view?.destroy();
  }

  private async check(source: string): Promise<ServerDiagnostic[]> {
    const result = await this.api.post<{ ok: boolean; diagnostics: ServerDiagnostic[] }>('/api/dsl/check', { source });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    this.problems.set({ errors, warnings });
    return result.diagnostics;
  }

  private text(): string {
    return this.view?.state.doc.toString() ?? '';
  }

  private replace(source: string): void {
    this.view?.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: source } });
  }

  private async loadRules(): Promise<void> {
    const [workflows, flows] = await Promise.all([
      this.api.get<Page<{ id: string; name: string }>>('/api/workflows', { limit: 1000 }),
      this.api.get<Page<{ id: string; name: string }>>('/api/flows', { limit: 1000 }),
    ]);
    this.rules.set([
      ...flows.items.map((f) => ({ kind: 'flows' as const, id: f.id, name: f.name })),
      ...workflows.items.map((w) => ({ kind: 'workflows' as const, id: w.id, name: w.name })),
    ]);
  }
}
