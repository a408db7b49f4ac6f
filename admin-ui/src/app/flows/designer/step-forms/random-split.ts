import type { Branch, Condition, SplitStep } from '@stroom/dsl';

/** What a random split's branch holds in place of a condition (an empty `and`, as the parser reads it). */
export const ALWAYS: Condition = { kind: 'and', operands: [] };

/** What a branch of a condition split starts with. */
export const FIRST_CONDITION: Condition = { kind: 'empty', field: 'person.email', negated: true };

/** The shares of the branches and the holdout together (the DSL wants 100). */
export function shareTotal(step: SplitStep): number {
  return step.branches.reduce((sum, branch) => sum + (branch.percent ?? 0), 0) + (step.random?.holdout ?? 0);
}

/** `count` whole shares that fill what the holdout leaves, as even as can be (the first ones get the rest). */
export function evenShares(count: number, holdout = 0): number[] {
  if (count <= 0) return [];
  const left = Math.max(0, 100 - holdout);
  const each = Math.floor(left / count);
  return Array.from({ length: count }, (_, i) => each + (i < left - each * count ? 1 : 0));
}

/** Gives every branch an even share of what the holdout leaves. */
export function spreadShares(step: SplitStep): void {
  const shares = evenShares(step.branches.length, step.random?.holdout);
  step.branches.forEach((branch, i) => { branch.percent = shares[i]; });
}

/**
 * Makes the split random (an experiment: shares instead of conditions, no "others") or a split on
 * conditions again (each branch a condition to fill in). Returns false, changing nothing, when
 * "others" has steps of its own, which a random split cannot keep.
 */
export function setRandom(step: SplitStep, random: boolean): boolean {
  if (random === (step.random !== undefined)) return true;
  if (random) {
    if (step.others?.kind === 'steps' && step.others.steps.length > 0) return false;
    step.random = {};
    delete step.others;
    step.branches.forEach((branch) => { branch.condition = ALWAYS; });
    spreadShares(step);
  } else {
    delete step.random;
    step.branches.forEach((branch: Branch) => {
      delete branch.percent;
      branch.condition = FIRST_CONDITION;
    });
  }
  return true;
}
