import { Injectable, computed, signal } from '@angular/core';
import {
  assignStepIds, deleteStep, findStep, flowOf, freshStepId, insertStep, moveStep, parse, print, stepCount, TreeEditError, updateStep,
  type Diagnostic, type Flow, type Program, type Slot, type Step,
} from '@stroom/dsl';
import { paletteItem, stepFor } from './step-kinds';

/** What the settings panel shows: the flow's own settings (trigger, filter, sender, …) or one step. */
export type Selection = { kind: 'flow' } | { kind: 'step'; id: string } | null;

/**
 * The designer's state: the flow's syntax tree (the one model; the text is always its print), the
 * undo and redo stacks, what is selected, and the problems the server found per step.
 */
@Injectable()
export class DesignerStore {
  readonly program = signal<Program>(parse('flow "Nieuwe flow" {\n}\n').ast);
  readonly source = computed(() => print(this.program()));
  readonly flow = computed(() => flowOf(this.program()));
  readonly selection = signal<Selection>(null);
  /** The slot a keyboard user chose; a step picked from the menu goes there. */
  readonly slot = signal<Slot | null>(null);
  /** Problems per step id (and under '' those of the flow's settings). */
  readonly problems = signal<Map<string, Diagnostic[]>>(new Map());
  readonly canUndo = signal(false);
  readonly canRedo = signal(false);
  readonly dirty = signal(false);
  private readonly undoStack: Program[] = [];
  private readonly redoStack: Program[] = [];

  /** Opens a source (no history): every unlabelled step gets an id, as the server would give it. */
  load(source: string): Diagnostic[] {
    const parsed = parse(source);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) return parsed.diagnostics;
    this.program.set(assignStepIds(parsed.ast, []));
    this.undoStack.length = 0;
    this.redoStack.length = 0;
    this.sync();
    this.dirty.set(false);
    return [];
  }

  /** The text edited in the DSL tab: when it parses it becomes the tree (one undo step). */
  replaceSource(source: string): Diagnostic[] {
    const parsed = parse(source);
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) return errors;
    const labelled = assignStepIds(parsed.ast, []);
    if (print(labelled) !== this.source()) this.apply(labelled);
    return [];
  }

  step(id: string): Step | undefined {
    return findStep(this.program(), id);
  }

  insert(paletteKey: string, slot: Slot): string {
    const item = paletteItem(paletteKey);
    if (!item) throw new Error(`no step menu item ${paletteKey}`);
    const id = freshStepId(this.program());
    this.apply(insertStep(this.program(), slot, stepFor(item, id)));
    this.selection.set({ kind: 'step', id });
    this.slot.set(null);
    return id;
  }

  /** Moves a step; a split dropped into one of its own branches stays where it was (answers false). */
  move(id: string, slot: Slot): boolean {
    try {
      this.apply(moveStep(this.program(), id, slot));
      return true;
    } catch (error) {
      if (error instanceof TreeEditError) return false;
      throw error;
    }
  }

  /** How many steps a delete of `id` takes with it (the step and everything in its branches). */
  countOf(id: string): number {
    const step = this.step(id);
    return step ? stepCount(step) : 0;
  }

  remove(id: string): number {
    const { program, removed } = deleteStep(this.program(), id);
    this.apply(program);
    if (this.selection()?.kind === 'step') this.selection.set(null);
    return removed;
  }

  update(id: string, change: (step: Step) => Step): void {
    this.apply(updateStep(this.program(), id, change));
  }

  /** Changes the flow's name or settings on a copy of the tree. */
  updateFlow(change: (flow: Flow) => void): void {
    const copy = structuredClone(this.program());
    change(flowOf(copy));
    this.apply(copy);
  }

  undo(): void {
    const previous = this.undoStack.pop();
    if (!previous) return;
    this.redoStack.push(this.program());
    this.program.set(previous);
    this.sync();
  }

  redo(): void {
    const next = this.redoStack.pop();
    if (!next) return;
    this.undoStack.push(this.program());
    this.program.set(next);
    this.sync();
  }

  /** The server's findings: per step id, the flow's own under ''. */
  setProblems(diagnostics: readonly Diagnostic[]): void {
    const map = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      if (d.severity === 'info') continue;
      const key = d.stepId ?? '';
      map.set(key, [...(map.get(key) ?? []), d]);
    }
    this.problems.set(map);
  }

  markSaved(): void {
    this.dirty.set(false);
  }

  private apply(next: Program): void {
    this.undoStack.push(this.program());
    this.redoStack.length = 0;
    this.program.set(next);
    this.sync();
  }

  private sync(): void {
    this.canUndo.set(this.undoStack.length > 0);
    this.canRedo.set(this.redoStack.length > 0);
    this.dirty.set(true);
    const selected = this.selection();
    if (selected?.kind === 'step' && !this.step(selected.id)) this.selection.set(null);
  }
}
