import { Component, DestroyRef, ElementRef, HostListener, type OnDestroy, afterNextRender, computed, effect, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { ActivatedRoute, Router } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { forceLinting } from '@codemirror/lint';
import { unifiedMergeView } from '@codemirror/merge';
import { Compartment, EditorState } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Api, errorMessage } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { Session } from '../core/session';
import { mayDiscard, warnBeforeUnload, type DirtyForm } from '../core/unsaved-changes';
import { plural } from '../i18n/dictionary';
import { codeMirrorPhrases } from '../i18n/codemirror-phrases';
import { LanguageChoice } from '../i18n/language-choice';
import { messageIn, rangeOf, stroomLanguage, type DslNames, type DslDiagnostic } from './dsl-language';
import { editImpactOf, type EditImpact } from '../core/edit-impact';
import { EditImpactComponent } from './edit-impact.component';
import { ProblemsPanelComponent } from './problems-panel.component';
import { quickFixOf } from './quick-fix';
import { STARTERS } from './starters';

type RuleKind = 'workflows' | 'flows';

/** A workflow or a flow as its routes answer it (read, created, saved). */
type SavedRule = ApiSchema<'Workflow'> | ApiSchema<'Flow'>;

interface Rule {
  kind: RuleKind;
  id: string;
  name: string;
}

/** The query parameter of a deep link to a rule of each kind (`/dsl?workflow=3`, `/dsl?flow=7`). */
const LINK_PARAMS: Record<RuleKind, string> = { workflows: 'workflow', flows: 'flow' };

/**
 * The DSL editor: CodeMirror with the language's highlighting, live diagnostics with a
 * problems panel and quick fixes, completion, format, a diff against the saved version, and new rules.
 */
@Component({
  selector: 'st-dsl-editor',
  imports: [EditImpactComponent, FormsModule, MatButtonModule, MatFormFieldModule, MatMenuModule, MatSelectModule, MatSlideToggleModule, ProblemsPanelComponent, TranslocoPipe],
  styles: `
    .bar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    .rule { width: 340px; max-width: 100%; }
    .editor { border: 1px solid #ccc; min-height: 360px; }
    .editor ::ng-deep .cm-editor { min-height: 360px; }
    .saved { color: #1b6e20; }
    .note { background: #fff4e5; border-left: 4px solid #b26a00; padding: 8px 12px; }
    .draft { font-style: italic; }
  `,
  template: `
    <section class="page">
      <h1>{{ 'dsl.title' | transloco }}</h1>
      <div class="bar">
        <mat-form-field class="rule">
          <mat-label>{{ 'dsl.rule' | transloco }}</mat-label>
          <mat-select [ngModel]="selected()" (ngModelChange)="choose($event)" [compareWith]="same">
            @for (rule of rules(); track rule.kind + rule.id) {
              <mat-option [value]="rule">{{ (rule.kind === 'flows' ? 'common.flow' : 'common.workflow') | transloco }}: {{ rule.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (session.isFlowAdmin()) {
          <button mat-stroked-button type="button" [matMenuTriggerFor]="newMenu" data-new>{{ 'dslEditor.new' | transloco }}</button>
          <mat-menu #newMenu="matMenu">
            <button mat-menu-item type="button" (click)="create('workflows')">{{ 'common.workflow' | transloco }}</button>
            <button mat-menu-item type="button" (click)="create('flows')">{{ 'common.flow' | transloco }}</button>
          </mat-menu>
        }
        <button mat-stroked-button type="button" (click)="format()" [disabled]="readOnly()">{{ 'dsl.format' | transloco }}</button>
        <mat-slide-toggle [(ngModel)]="showDiff" (change)="diff()" [disabled]="!selected()">{{ 'dsl.diff' | transloco }}</mat-slide-toggle>
        @if (session.isFlowAdmin() && (selected() || creating()) && !readOnly()) {
          <button mat-flat-button type="button" (click)="save()">{{ 'common.save' | transloco }}</button>
        }
      </div>
      @if (creating(); as kind) {
        <p class="draft" role="status">{{ 'dslEditor.draft' | transloco: { kind: ((kind === 'flows' ? 'common.flow' : 'common.workflow') | transloco) } }}</p>
      }
      @if (!selected() && !creating()) { <p class="hint">{{ 'dslEditor.diffUnsaved' | transloco }}</p> }
      @if (readOnly()) { <p class="note" role="note" data-running>{{ 'dslEditor.running' | transloco }}</p> }
      <p class="count" aria-live="polite" data-problems>{{ problemsText() }}</p>
      @if (impact(); as i) { <st-edit-impact [impact]="i" (confirm)="confirmSave($event)" (cancel)="impact.set(undefined)" /> }
      @if (message()) { <p class="error" role="alert">{{ message() }}</p> }
      @if (saved()) { <p class="saved" role="status">{{ 'common.saved' | transloco }}</p> }
      <div #host class="editor"></div>
      <st-problems-panel [diagnostics]="diagnostics()" [fixable]="fixable" (jump)="jump($event)" (fix)="applyFix($event)" />
    </section>
  `,
})
export class DslEditorComponent implements OnDestroy, DirtyForm {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  readonly session = inject(Session);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  readonly rules = signal<Rule[]>([]);
  /** The last check's diagnostics, for the problems panel. */
  readonly diagnostics = signal<DslDiagnostic[]>([]);
  readonly problemsText = computed(() => {
    const diagnostics = this.diagnostics();
    this.language.current();
    if (!this.checked()) return '';
    const count = (key: string, n: number) => this.transloco.translate(plural(key, n), { n });
    return `${count('dsl.errors', diagnostics.filter((d) => d.severity === 'error').length)}, ${count('dsl.warnings', diagnostics.filter((d) => d.severity === 'warning').length)}`;
  });
  private readonly checked = signal(false);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageChoice);
  readonly message = signal('');
  readonly saved = signal(false);
  readonly impact = signal<EditImpact | undefined>(undefined);
  /** The kind of a new rule being written (not saved yet). */
  readonly creating = signal<RuleKind | undefined>(undefined);
  /** A running flow is shown read-only: it must be paused before it is edited. */
  readonly readOnly = signal(false);
  readonly selected = signal<Rule | undefined>(undefined);
  showDiff = false;
  private names: DslNames | undefined;
  private view: EditorView | undefined;
  private savedSource = '';
  /** The text as opened, saved or started; any other text is an unsaved change. */
  private cleanText = '';
  /** The rule in the editor (`flows:7`), so that its own link does not open it again. */
  private opened = '';
  private readonly diffMode = new Compartment();
  private readonly texts = new Compartment();
  private readonly editable = new Compartment();

  constructor() {
    void this.loadRules();
    void this.api.get<DslNames>('/api/dsl/names').then((names) => (this.names = names), () => undefined);
    afterNextRender(() => {
      const language = stroomLanguage((source) => this.check(source), {
        names: () => this.names,
        language: () => this.language.current(),
        fixLabel: (suggestion) => this.transloco.translate('dslEditor.fix', { suggestion }),
      });
      this.view = new EditorView({
        parent: this.host().nativeElement,
        state: EditorState.create({ doc: '', extensions: [basicSetup, this.texts.of(this.languageTexts()), language, this.diffMode.of([]), this.editable.of([])] }),
      });
      this.route.queryParamMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => void this.openLinked(params.get('workflow'), params.get('flow')));
    });
    effect(() => {
      this.language.current();
      this.view?.dispatch({ effects: this.texts.reconfigure(this.languageTexts()) });
      // The marks' tooltips carry messages in the language of the last check.
      if (this.view) forceLinting(this.view);
    });
  }

  /** The editor's label and CodeMirror's own texts, in the chosen language. */
  private languageTexts() {
    return [EditorView.contentAttributes.of({ 'aria-label': this.transloco.translate('dsl.editor') }), codeMirrorPhrases(this.language.current())];
  }

  same(a: Rule | undefined, b: Rule | undefined): boolean {
    return a?.kind === b?.kind && a?.id === b?.id;
  }

  /** A rule chosen in the list: opened, and the address says which (a link to it). */
  async choose(rule: Rule | undefined): Promise<void> {
    const previous = this.selected();
    this.selected.set(rule);
    if (!rule) return;
    if (!(await mayDiscard(this.dialog, this))) {
      this.selected.set(previous); // the list shows the rule still in the editor
      return;
    }
    const { kind, id } = rule;
    await this.open(kind, id);
    await this.router.navigate([], { relativeTo: this.route, queryParams: { [LINK_PARAMS[kind]]: id }, replaceUrl: true });
  }

  private async openLinked(workflow: string | null, flow: string | null): Promise<void> {
    const kind: RuleKind | undefined = workflow ? 'workflows' : flow ? 'flows' : undefined;
    const id = workflow ?? flow;
    if (!kind || !id) return;
    if (this.opened === `${kind}:${id}` && !this.creating()) return;
    if (!(await mayDiscard(this.dialog, this))) return;
    await this.open(kind, id);
  }

  private async open(kind: RuleKind, id: string): Promise<void> {
    this.message.set('');
    try {
      const rule = await this.api.get<SavedRule>(`/api/${kind}/${id}`);
      this.creating.set(undefined);
      this.opened = `${kind}:${rule.id}`;
      this.selected.set(this.rules().find((r) => r.kind === kind && r.id === rule.id) ?? { kind, id: rule.id, name: rule.name });
      this.savedSource = rule.source;
      this.setReadOnly(kind === 'flows' && 'status' in rule && rule.status === 'running');
      this.replace(rule.source);
      this.cleanText = rule.source;
      this.saved.set(false);
      this.impact.set(undefined);
      this.diff();
    } catch (error) {
      this.message.set(errorMessage(error));
    }
  }

  /** "Nieuw": a starter text of the kind chosen, saved as a new rule. */
  async create(kind: RuleKind): Promise<void> {
    if (!(await mayDiscard(this.dialog, this))) return;
    this.selected.set(undefined);
    this.opened = '';
    this.savedSource = '';
    this.showDiff = false;
    this.diff();
    this.setReadOnly(false);
    this.creating.set(kind);
    this.saved.set(false);
    this.message.set('');
    this.impact.set(undefined);
    this.replace(STARTERS[kind]);
    this.cleanText = STARTERS[kind];
    void this.router.navigate([], { relativeTo: this.route, queryParams: {}, replaceUrl: true });
    this.view?.focus();
  }

  /** Formats the text, or says why it cannot: the first syntax error. */
  async format(): Promise<void> {
    this.message.set('');
    const result = await this.api.post<ApiSchema<'DslFormat'>>('/api/dsl/format', { source: this.text() });
    if (result.ok) {
      this.replace(result.source);
      return;
    }
    const first = result.diagnostics.find((d) => d.severity === 'error');
    this.message.set(this.transloco.translate('dslEditor.formatBlocked', { line: first?.line ?? 1, message: first ? messageIn(first, this.language.current()) : '' }));
  }

  /** A flow edit first shows what it does to participants on changed or removed steps. */
  async save(): Promise<void> {
    this.message.set('');
    const kind = this.creating();
    if (kind) return this.saveNew(kind);
    const selected = this.selected();
    if (selected?.kind !== 'flows') return this.confirmSave();
    try {
      const impact = await editImpactOf(this.api, selected.id, this.text());
      if (!impact) return this.confirmSave();
      this.impact.set(impact);
    } catch (error) {
      this.message.set(errorMessage(error));
    }
  }

  private async saveNew(kind: RuleKind): Promise<void> {
    try {
      const rule = await this.api.post<SavedRule>(`/api/${kind}`, { source: this.text() });
      await this.loadRules();
      this.creating.set(undefined);
      this.opened = `${kind}:${rule.id}`;
      this.selected.set(this.rules().find((r) => r.kind === kind && r.id === rule.id) ?? { kind, id: rule.id, name: rule.name });
      this.savedSource = rule.source;
      this.replace(rule.source);
      this.cleanText = rule.source;
      this.saved.set(true);
      await this.router.navigate([], { relativeTo: this.route, queryParams: { [LINK_PARAMS[kind]]: rule.id }, replaceUrl: true });
    } catch (error) {
      this.showRefusal(error);
    }
  }

  async confirmSave(moves: Record<string, string> = {}): Promise<void> {
    this.message.set('');
    try {
      const rule = await this.api.put<SavedRule>(`/api/${this.selected()!.kind}/${this.selected()!.id}`, { source: this.text(), ...(Object.keys(moves).length > 0 ? { moves } : {}) });
      this.impact.set(undefined);
      this.savedSource = rule.source;
      this.replace(rule.source);
      this.cleanText = rule.source;
      this.saved.set(true);
      this.diff();
    } catch (error) {
      this.showRefusal(error);
    }
  }

  /** A refused save: its message, and its diagnostics in the problems panel. */
  private showRefusal(error: unknown): void {
    const diagnostics = (error as { error?: { details?: { diagnostics?: DslDiagnostic[] } } }).error?.details?.diagnostics;
    const first = diagnostics?.find((d) => d.severity === 'error');
    if (!diagnostics || !first) {
      this.message.set(errorMessage(error));
      return;
    }
    this.diagnostics.set(diagnostics);
    const where = this.transloco.translate('dslEditor.position', { line: first.line, column: first.column });
    this.message.set(`${where}: ${messageIn(first, this.language.current())}`);
  }

  diff(): void {
    const on = this.showDiff && this.selected() !== undefined;
    this.view?.dispatch({ effects: this.diffMode.reconfigure(on ? unifiedMergeView({ original: this.savedSource, mergeControls: false }) : []) });
  }

  /** Puts the cursor on a diagnostic's text and the focus in the editor. */
  jump(d: DslDiagnostic): void {
    const view = this.view;
    if (!view) return;
    const range = rangeOf(view.state.doc, d);
    view.dispatch({ selection: { anchor: range.from, head: range.to }, scrollIntoView: true });
    view.focus();
  }

  readonly fixable = (d: DslDiagnostic): boolean => !this.readOnly() && this.fixOf(d) !== undefined;

  applyFix(d: DslDiagnostic): void {
    const fix = this.fixOf(d);
    if (!fix || !this.view) return;
    this.view.dispatch({ changes: fix, selection: { anchor: fix.from + fix.insert.length } });
    this.view.focus();
  }

  private fixOf(d: DslDiagnostic) {
    const doc = this.view?.state.doc;
    return doc ? quickFixOf(doc.toString(), rangeOf(doc, d), d) : undefined;
  }

  isDirty(): boolean {
    return this.view !== undefined && this.text() !== this.cleanText;
  }

  @HostListener('window:beforeunload', ['$event'])
  warnBeforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(event, this);
  }

  ngOnDestroy(): void {
    this.view?.destroy();
  }

  private setReadOnly(readOnly: boolean): void {
    this.readOnly.set(readOnly);
    this.view?.dispatch({ effects: this.editable.reconfigure(readOnly ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : []) });
  }

  private async check(source: string): Promise<DslDiagnostic[]> {
    const result = await this.api.post<ApiSchema<'DslCheck'>>('/api/dsl/check', { source });
    this.diagnostics.set(result.diagnostics);
    this.checked.set(true);
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
      this.api.get<ApiSchema<'WorkflowList'>>('/api/workflows', { limit: 1000 }),
      this.api.get<ApiSchema<'FlowList'>>('/api/flows', { limit: 1000 }),
    ]);
    this.rules.set([
      ...flows.items.map((f) => ({ kind: 'flows' as const, id: f.id, name: f.name })),
      ...workflows.items.map((w) => ({ kind: 'workflows' as const, id: w.id, name: w.name })),
    ]);
  }
}
