import { CdkDrag, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import { Location } from '@angular/common';
import { Component, type OnDestroy, computed, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, translate } from '@jsverse/transloco';
import type { Diagnostic } from '@stroom/dsl';
import { firstValueFrom } from 'rxjs';
import { Api, errorMessage } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';
import { Session } from '../../core/session';
import { DeleteStepDialogComponent } from './delete-step-dialog.component';
import { DesignerStore } from './designer-store';
import { editImpactOf } from '../../core/edit-impact';
import { EditImpactDialogComponent } from './edit-impact-dialog.component';
import { FlowSettingsComponent } from './flow-settings.component';
import { PALETTE, type PaletteItem } from './step-kinds';
import { StepSettingsComponent } from './step-settings.component';
import { DesignerContent } from './designer-content';
import { startProblemsOf, type StartProblem } from '../page/flow-store';
import { StepTreeComponent } from './step-tree.component';

type Flow = ApiSchema<'Flow'>;


/**
 * The flow designer: the step menu, the diagram of the flow's steps with a free slot between every
 * two, the settings of what is selected, and the DSL text of the same tree beside it.
 */
@Component({
  selector: 'st-flow-designer',
  imports: [
    CdkDrag, CdkDropList, CdkDropListGroup, MatButtonModule, MatFormFieldModule, MatInputModule, MatTabsModule, RouterLink, TranslocoPipe,
    StepTreeComponent, StepSettingsComponent, FlowSettingsComponent,
  ],
  providers: [DesignerStore, DesignerContent],
  styleUrl: './designer.css',
  host: { '(window:keydown)': 'keydown($event)' },
  template: `
    <section class="page designer">
      <header class="designer-head">
        <h1>{{ (id() ? 'designer.titleEdit' : 'designer.titleNew') | transloco }}</h1>
        <mat-form-field class="name">
          <mat-label>{{ 'common.name' | transloco }}</mat-label>
          <input matInput [value]="store.flow().name" (change)="rename($event)" [disabled]="readOnly()" name="flowName" />
        </mat-form-field>
        <span class="status">{{ status() ? ('designer.status.' + status() | transloco) : '' }}</span>
        <div class="actions">
          <button mat-stroked-button type="button" (click)="store.undo()" [disabled]="!store.canUndo() || readOnly()">{{ 'designer.undo' | transloco }}</button>
          <button mat-stroked-button type="button" (click)="store.redo()" [disabled]="!store.canRedo() || readOnly()">{{ 'designer.redo' | transloco }}</button>
          <button mat-flat-button type="button" (click)="save()" [disabled]="readOnly() || busy() || status() === 'running'">{{ 'common.save' | transloco }}</button>
          @if (id()) {
            <button mat-stroked-button type="button" (click)="start()" [disabled]="!admin() || busy() || status() === 'running'">{{ 'designer.start' | transloco }}</button>
            <button mat-stroked-button type="button" (click)="copy()" [disabled]="!admin() || busy()">{{ 'designer.copy' | transloco }}</button>
            <a mat-button [routerLink]="['/flows', id()]">{{ 'designer.view' | transloco }}</a>
            <a mat-button [routerLink]="['/flows', id(), 'simulate']" [title]="'designer.simulateHint' | transloco">{{ 'designer.simulate' | transloco }}</a>
          }
        </div>
      </header>
      @if (!admin()) { <p class="note">{{ 'designer.readOnly' | transloco }}</p> }
      @if (status() === 'running') { <p class="note">{{ 'designer.runningNote' | transloco }}</p> }
      @if (message()) { <p class="note" role="status">{{ message() }}</p> }
      @if (warnings().length) {
        <div class="warnings" role="status">
          <h2>{{ 'designer.savedWithWarnings' | transloco: { n: warnings().length } }}</h2>
          <ul>@for (w of warnings(); track $index) { <li>{{ w.stepId ? w.stepId + ': ' : '' }}{{ w.message }}</li> }</ul>
        </div>
      }
      @if (startProblems().length) {
        <div class="start-problems" role="alert">
          <h2>{{ 'designer.startRefused' | transloco }}</h2>
          <ul>@for (p of startProblems(); track $index) { <li>{{ p.stepId ? ('designer.stepLabel' | transloco: { id: p.stepId }) + ': ' : '' }}{{ p.message }}</li> }</ul>
        </div>
      }
      <mat-tab-group [(selectedIndex)]="tab" animationDuration="0ms">
        <mat-tab [label]="'designer.diagram' | transloco">
          <div class="workspace" cdkDropListGroup>
            <aside class="palette" [attr.aria-label]="'designer.menu' | transloco">
              <h2>{{ 'designer.menu' | transloco }}</h2>
              @if (store.slot()) { <p class="hint">{{ 'designer.pickForSlot' | transloco }}</p> }
              @for (group of palette; track group.key) {
                <h3>{{ 'designer.groups.' + group.key | transloco }}</h3>
                <div class="palette-items" cdkDropList cdkDropListSortingDisabled [cdkDropListEnterPredicate]="never">
                  @for (item of group.items; track item.key) {
                    <button type="button" class="palette-item" cdkDrag [cdkDragData]="{ palette: item.key }" [cdkDragDisabled]="readOnly()"
                      [disabled]="readOnly()" (click)="pick(item)" [attr.data-palette]="item.key">
                      <span class="icon" aria-hidden="true">{{ item.icon }}</span>{{ 'designer.steps.' + item.key | transloco }}
                    </button>
                  }
                </div>
              }
            </aside>
            <div class="canvas">
              <button type="button" class="card trigger-card" [class.selected]="store.selection()?.kind === 'flow'" (click)="store.selection.set({ kind: 'flow' })">
                <span class="icon" aria-hidden="true">▶</span>
                <span class="text"><span class="title">{{ 'designer.trigger' | transloco }}</span><span class="summary">{{ triggerSummary() }}</span></span>
                @if (flowProblems()) { <span class="warning" [attr.aria-label]="flowProblems()" [title]="flowProblems()">⚠</span> }
              </button>
              <st-step-tree [steps]="store.flow().steps" [container]="{ kind: 'flow' }" [readOnly]="readOnly()" (removeStep)="confirmRemove($event)" />
            </div>
            <aside class="panel">
              @switch (store.selection()?.kind) {
                @case ('flow') { <st-flow-settings [readOnly]="readOnly()" /> }
                @case ('step') { <st-step-settings [stepId]="selectedStepId()!" [readOnly]="readOnly()" /> }
                @default { <p class="hint">{{ 'designer.selectHint' | transloco }}</p> }
              }
            </aside>
          </div>
        </mat-tab>
        <mat-tab [label]="'designer.dslTab' | transloco">
          <mat-form-field class="dsl">
            <mat-label>{{ 'designer.dslText' | transloco }}</mat-label>
            <textarea matInput class="dsl-text" rows="24" [value]="store.source()" (input)="sourceTyped($event)" (change)="sourceChanged($event)" [readonly]="readOnly()" name="dsl" spellcheck="false"></textarea>
          </mat-form-field>
          @if (textErrors().length) {
            <ul class="problems" role="alert">@for (d of textErrors(); track $index) { <li>{{ d.line }}:{{ d.column }} {{ d.message }}</li> }</ul>
          }
        </mat-tab>
      </mat-tab-group>
    </section>
  `,
})
export class FlowDesignerComponent implements OnDestroy {
  protected readonly store = inject(DesignerStore);
  private readonly api = inject(Api);
  private readonly route = inject(ActivatedRoute);
  private readonly location = inject(Location);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(Session);
  protected readonly palette = PALETTE;
  protected readonly never = () => false;
  protected readonly id = signal<string | null>(this.route.snapshot.paramMap.get('id'));
  protected readonly status = signal<Flow['status'] | null>(null);
  protected readonly admin = computed(() => this.session.isFlowAdmin());
  /** A content editor only looks; a running flow is paused before it is edited. */
  protected readonly readOnly = computed(() => !this.admin() || this.status() === 'running');
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly warnings = signal<ApiSchema<'DslDiagnostic'>[]>([]);
  protected readonly startProblems = signal<StartProblem[]>([]);
  protected readonly textErrors = signal<Diagnostic[]>([]);
  private readonly content = inject(DesignerContent);
  protected tab = 0;
  protected readonly selectedStepId = computed(() => {
    const selection = this.store.selection();
    return selection?.kind === 'step' ? selection.id : null;
  });
  protected readonly flowProblems = computed(() => (this.store.problems().get('') ?? []).map((p) => p.message).join('\n'));
  protected readonly triggerSummary = computed(() => {
    const trigger = this.store.flow().settings.find((s) => s.kind === 'trigger');
    if (trigger?.kind !== 'trigger') return translate('designer.triggers.none');
    const t = trigger.trigger;
    const name = t.kind === 'form_submitted' ? ` "${t.form}"` : t.kind === 'selection_added' ? ` "${t.selection}"` : '';
    return translate(`designer.triggers.${t.kind}`) + name;
  });
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  private typeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.open();
    // Every edit is checked by the server (names in the database, what a start needs): the markers on the cards.
    effect(() => {
      const source = this.store.source();
      clearTimeout(this.checkTimer);
      this.checkTimer = setTimeout(() => void this.check(source), 300);
    });
  }

  ngOnDestroy(): void {
    clearTimeout(this.checkTimer);
    clearTimeout(this.typeTimer);
  }

  protected keydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, mat-select')) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'z' && !event.shiftKey) { event.preventDefault(); this.store.undo(); }
    else if (mod && (event.key.toLowerCase() === 'y' || (event.key.toLowerCase() === 'z' && event.shiftKey))) { event.preventDefault(); this.store.redo(); }
  }

  /** A box picked from the menu (click or keyboard) goes to the chosen slot, or at the end of the flow. */
  protected pick(item: PaletteItem): void {
    const slot = this.store.slot() ?? { container: { kind: 'flow' as const }, index: this.store.flow().steps.length };
    this.store.insert(item.key, slot);
  }

  protected rename(event: Event): void {
    const name = (event.target as HTMLInputElement).value.trim();
    if (name) this.store.updateFlow((flow) => { flow.name = name; });
  }

  protected async confirmRemove(id: string): Promise<void> {
    const count = this.store.countOf(id);
    const ok = await firstValueFrom(this.dialog.open(DeleteStepDialogComponent, { data: { count } }).afterClosed());
    if (ok === true) this.store.remove(id);
  }

  protected sourceTyped(event: Event): void {
    const text = (event.target as HTMLTextAreaElement).value;
    clearTimeout(this.typeTimer);
    this.typeTimer = setTimeout(() => this.textErrors.set(this.store.replaceSource(text)), 400);
  }

  /** Leaving the text field applies it at once (typing applies after a pause). */
  protected sourceChanged(event: Event): void {
    clearTimeout(this.typeTimer);
    this.textErrors.set(this.store.replaceSource((event.target as HTMLTextAreaElement).value));
  }

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.message.set('');
    try {
      const source = this.store.source();
      const id = this.id();
      const moves = id && this.status() === 'paused' ? await this.movesFor(id, source) : {};
      if (moves === undefined) return;
      const body = Object.keys(moves).length > 0 ? { source, moves } : { source };
      const saved = id ? await this.api.put<Flow>(`/api/flows/${id}`, body) : await this.api.post<Flow>('/api/flows', { source });
      this.warnings.set((saved.warnings ?? []).filter((w) => w.severity === 'warning'));
      this.status.set(saved.status);
      this.store.load(saved.source);
      this.message.set(this.warnings().length ? '' : translateSaved());
      if (!id) {
        // The same page goes on with the saved flow: only the address changes (a new route would start over).
        this.id.set(saved.id);
        this.location.replaceState(`/flows/${saved.id}/edit`);
      }
    } catch (error) {
      this.message.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * A paused flow's participants stand on its steps: when the edit changes or removes an occupied
   * step, the dialog shows how many and asks where those on a removed step go. Undefined: cancelled.
   */
  private async movesFor(id: string, source: string): Promise<Record<string, string> | undefined> {
    const data = await editImpactOf(this.api, id, source);
    if (!data) return {};
    return firstValueFrom(this.dialog.open(EditImpactDialogComponent, { data, width: '520px' }).afterClosed());
  }

  protected async start(): Promise<void> {
    this.busy.set(true);
    this.startProblems.set([]);
    this.message.set('');
    try {
      if (this.store.dirty()) await this.save();
      const started = await this.api.post<Flow>(`/api/flows/${this.id()}/start`, {});
      this.status.set(started.status);
      this.message.set(translateStarted());
    } catch (error) {
      const problems = startProblemsOf(error);
      if (problems.length) this.startProblems.set(problems);
      else this.message.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async copy(): Promise<void> {
    try {
      const copy = await this.api.post<Flow>(`/api/flows/${this.id()}/copy`, {});
      this.id.set(copy.id);
      this.location.go(`/flows/${copy.id}/edit`);
      await this.open();
      this.message.set(translateCopied(copy.name));
    } catch (error) {
      this.message.set(errorMessage(error));
    }
  }

  private async open(): Promise<void> {
    // Read again with each flow opened: content may have been written meanwhile.
    this.content.load();
    const id = this.id();
    if (!id) {
      this.store.load('flow "Nieuwe flow" {\n  trigger manual\n}\n');
      this.store.markSaved();
      return;
    }
    try {
      const flow = await this.api.get<Flow>(`/api/flows/${id}`);
      this.status.set(flow.status);
      this.store.load(flow.source);
      this.warnings.set([]);
      this.startProblems.set([]);
    } catch (error) {
      this.message.set(errorMessage(error));
    }
  }

  private async check(source: string): Promise<void> {
    try {
      const result = await this.api.post<ApiSchema<'DslCheck'>>('/api/dsl/check', { source, mode: 'start' });
      if (source === this.store.source()) this.store.setProblems(result.diagnostics);
    } catch {
      // The markers stay as they were; saving reports what is wrong.
    }
  }
}

const translateSaved = () => translate('common.saved');
const translateStarted = () => translate('designer.started');
const translateCopied = (name: string) => translate('designer.copied', { name });
