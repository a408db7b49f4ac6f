// Stable step ids. A label (`welkom:`) is a step's id; the server gives every unlabelled step a new
// id `s1`, `s2`, … that no earlier version of the flow used, and stores the printed source, so the
// ids travel with the text and participants stay on their step across edits.
import { forEachStep, type Flow, type Program, type Step } from './ast.js';

/** Every label in the flow, nested steps included, in document order. */
export function stepIdsOf(flow: Flow): string[] {
  const ids: string[] = [];
  forEachStep(flow.steps, (step) => {
    if (step.id !== undefined) ids.push(step.id);
  });
  return ids;
}

/**
 * A copy of the program in which every flow step has an id. Unlabelled steps get `s<n>` with the
 * lowest n not in `usedIds` (ids of the flow's earlier versions) and not a label of the flow.
 */
export function assignStepIds(ast: Program, usedIds: Iterable<string>): Program {
  const used = new Set(usedIds);
  const copy = structuredClone(ast);
  for (const declaration of copy.declarations) {
    if (declaration.kind !== 'flow') continue;
    const taken = new Set([...used, ...stepIdsOf(declaration)]);
    let counter = 1;
    const nextId = (): string => {
      while (taken.has(`s${counter}`)) counter++;
      const id = `s${counter}`;
      taken.add(id);
      return id;
    };
    forEachStep(declaration.steps, (step: Step) => {
      step.id ??= nextId();
    });
  }
  return copy;
}
