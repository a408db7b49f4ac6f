// Stable step ids. A label (`welkom:`) is a step's id; the server gives every unlabelled step a new
// id `s1`, `s2`, … that no earlier version of the flow used, and stores the printed source, so the
// ids travel with the text and participants stay on their step across edits.
import { stepsInOrder, type Flow, type Program, type Step } from './ast.js';

/** Every label in the flow, nested steps included, in document order. */
export function stepIdsOf(flow: Flow): string[] {
  const ids: string[] = [];
  for (const step of stepsInOrder(flow.steps)) if (step.id !== undefined) ids.push(step.id);
  return ids;
}

/**
 * A copy of the program in which every flow step has an id. Unlabelled steps get `s<n>` with the
 * lowest n not in `usedIds` (ids of the flow's earlier versions) and not a label of the flow.
 */
export function assignStepIds(ast: Program, usedIds: Iterable<string>): Program {
  const used = [...usedIds];
  const copy = structuredClone(ast);
  for (const declaration of copy.declarations) {
    if (declaration.kind !== 'flow') continue;
    for (const [step, id] of idsOfSteps(declaration, used)) step.id = id;
  }
  return copy;
}

/**
 * Every step of the flow with its id: its label, or the id `assignStepIds` would give it. Reads the
 * flow without copying it (compiling a flow needs the ids, not a second tree).
 */
export function idsOfSteps(flow: Flow, usedIds: Iterable<string> = []): Map<Step, string> {
  const steps = stepsInOrder(flow.steps);
  const labels = steps.map((step) => step.id);
  const taken = new Set(usedIds);
  for (const label of labels) if (label !== undefined) taken.add(label);
  const ids = new Map<Step, string>();
  let counter = 0;
  for (let i = 0; i < steps.length; i++) {
    let id = labels[i];
    if (id === undefined) {
      // Ids are made in increasing order, so a made id need not be remembered: only labels and
      // earlier versions' ids can be taken.
      do id = madeId(++counter); while (taken.size > 0 && taken.has(id));
    }
    ids.set(steps[i]!, id);
  }
  return ids;
}

/**
 * `s<n>`, the same string each time for the first few thousand n: the graph's nodes are keyed by
 * id, and a key the engine has seen before is stored without being hashed and interned again.
 */
const MADE_IDS: string[] = [];
function madeId(n: number): string {
  if (n >= 10_000) return `s${n}`;
  return (MADE_IDS[n] ??= `s${n}`);
}
