import type { CompleteAction, CompleteStep } from '@stroom/dsl';

type Outcome = CompleteAction['outcome'];

/** The flow a Voltooid step proposes its participants to, for one outcome ('' when none). */
export function outcomeFlow(step: CompleteStep, outcome: Outcome): string {
  return step.actions.find((a) => a.outcome === outcome)?.flow ?? '';
}

/** Sets (or with '' removes) the flow of one outcome, keeping its comments; success is written first. */
export function setOutcomeFlow(step: CompleteStep, outcome: Outcome, name: string): void {
  const flow = name.trim();
  const index = step.actions.findIndex((a) => a.outcome === outcome);
  const comments = index >= 0 ? step.actions[index]!.comments : undefined;
  const action: CompleteAction = { kind: 'on_outcome', outcome, flow, ...(comments ? { comments } : {}) };
  if (index >= 0) {
    if (flow) step.actions[index] = action;
    else step.actions.splice(index, 1);
  } else if (flow) {
    step.actions.push(action);
    step.actions.sort((a, b) => (a.outcome === b.outcome ? 0 : a.outcome === 'success' ? -1 : 1));
  }
}
