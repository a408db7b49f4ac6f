import { Directive, inject, input } from '@angular/core';
import type { Step, StepKind } from '@stroom/dsl';
import type { LeaveChange } from '../controls/leave-options.component';
import { DesignerStore } from '../designer-store';
import { setLeaveTarget } from '../leave-options';

/** The step of one kind, as its form sees it. */
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;

/**
 * What every step form shares: the step it shows, whether it may change it, and the edit itself.
 * Every change is one designer edit of the syntax tree (undoable); the step's id never changes.
 */
@Directive()
export abstract class StepForm<K extends StepKind> {
  readonly step = input.required<StepOf<K>>();
  readonly readOnly = input(false);
  protected readonly store = inject(DesignerStore);

  /** Changes a copy of the step in place; the store puts it back into the tree. */
  protected edit(change: (step: StepOf<K>) => void): void {
    this.store.update(this.step().id!, (step) => {
      change(step as StepOf<K>);
      return step;
    });
  }

  /** Sets one setting; undefined removes an optional one. */
  protected set<P extends keyof StepOf<K> & string>(key: P, value: StepOf<K>[P] | undefined): void {
    this.edit((step) => {
      if (value === undefined) delete step[key];
      else step[key] = value;
    });
  }

  /** The flow or selection a leaver goes to (the leave step, a time-out, no mobile number, "others"). */
  protected leave(change: LeaveChange): void {
    this.edit((step) => setLeaveTarget(step, change.kind, change.name.trim()));
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  /** A whole number typed in a field; what does not read as one becomes 1. */
  protected number(event: Event): number {
    return Number((event.target as HTMLInputElement).value) || 1;
  }
}
