// Designer edits on a flow's syntax tree: insert a new step at a slot, move a step, delete a step
// (with everything inside it), change a step's settings. Each edit answers a new program and leaves
// the old one alone, so an editor can keep the old ones for undo. Comments travel with their step,
// and step ids never change: the printer writes the result.
import { stepsInOrder, type Duration, type Flow, type Program, type Step, type StepKind } from './ast.js';

/** Where a step list lives: the flow itself, a split's branch (by index), or a split's "others". */
export type StepContainer =
  | { kind: 'flow' }
  | { kind: 'branch'; splitId: string; branch: number }
  | { kind: 'others'; splitId: string };

/** A free place for a step: before the step at `index` of the container (its length = at the end). */
export interface Slot {
  container: StepContainer;
  index: number;
}

export class TreeEditError extends Error {}

const DAYS = (amount: number): Duration => ({ amount, unit: 'days' });

/**
 * A new step of `kind` with the settings a marketer starts from; names still to be chosen are
 * empty, which the checker reports as a setting to fill in (a warning on save, an error at start).
 */
export function newStep(kind: StepKind, id: string): Step {
  const steps: { [K in StepKind]: () => Extract<Step, { kind: K }> } = {
    send_email: () => ({ kind: 'send_email', id, template: '', attachments: [] }),
    send_sms: () => ({ kind: 'send_sms', id, message: { kind: 'text', text: '' } }),
    update_person: () => ({ kind: 'update_person', id, operations: [] }),
    membership: () => ({ kind: 'membership', id, change: 'add', target: 'selection', name: '' }),
    create_follow_up: () => ({ kind: 'create_follow_up', id, title: '', type: '', date: { kind: 'first_available' }, assign: { kind: 'role', role: 'our_contact' } }),
    create_request: () => ({ kind: 'create_request', id, title: '', type: '', status: '', owner: { kind: 'role', role: 'auto' } }),
    create_sale: () => ({ kind: 'create_sale', id, title: '', type: '', stage: 'open' }),
    distribute: () => ({ kind: 'distribute', id, pool: { kind: 'group', name: '' } }),
    run_script: () => ({ kind: 'run_script', id, source: '' }),
    notify_email: () => ({ kind: 'notify_email', id, to: { kind: 'role', role: 'our_contact' }, template: '' }),
    notify_sms: () => ({ kind: 'notify_sms', id, to: { kind: 'role', role: 'our_contact' }, text: '' }),
    wait: () => ({ kind: 'wait', id, duration: DAYS(1) }),
    // A date must be written; the settings panel asks for the real one.
    wait_until: () => ({ kind: 'wait_until', id, until: '2030-01-01T09:00' }),
    wait_for: () => ({ kind: 'wait_for', id, event: { kind: 'link_clicked' }, atMost: DAYS(7), onTimeout: { kind: 'continue' } }),
    split: () => ({
      kind: 'split', id, name: '',
      branches: [{ kind: 'branch', name: 'Tak 1', condition: { kind: 'empty', field: 'person.email', negated: true }, steps: [] }],
      others: { kind: 'continue' },
    }),
    leave: () => ({ kind: 'leave', id, actions: [] }),
    complete: () => ({ kind: 'complete', id, actions: [] }),
    call_webhook: () => ({ kind: 'call_webhook', id, method: 'POST', url: 'https://', headers: [] }),
  };
  return steps[kind]();
}

/** `s<n>` with the lowest n that is no step id of the flow and not in `used`. */
export function freshStepId(program: Program, used: Iterable<string> = []): string {
  const taken = new Set(used);
  for (const step of stepsInOrder(flowOf(program).steps)) if (step.id !== undefined) taken.add(step.id);
  let n = 1;
  while (taken.has(`s${n}`)) n++;
  return `s${n}`;
}

/** The flow of a program that holds one flow. */
export function flowOf(program: Program): Flow {
  const flow = program.declarations.find((d) => d.kind === 'flow');
  if (!flow) throw new TreeEditError('the program holds no flow');
  return flow as Flow;
}

/** The step with `id`, nested steps included. */
export function findStep(program: Program, id: string): Step | undefined {
  return stepsInOrder(flowOf(program).steps).find((step) => step.id === id);
}

/** How many steps go when `step` goes: itself and every step inside its branches. */
export function stepCount(step: Step): number {
  return stepsInOrder([step]).length;
}

/** Places `step` at `slot`; its id must not be in the flow yet. */
export function insertStep(program: Program, slot: Slot, step: Step): Program {
  const copy = structuredClone(program);
  if (step.id !== undefined && findStep(copy, step.id)) throw new TreeEditError(`a step with id ${step.id} is already in the flow`);
  placeAt(copy, slot, structuredClone(step));
  return copy;
}

/** Deletes the step with `id` and the steps inside it; answers how many steps went. */
export function deleteStep(program: Program, id: string): { program: Program; removed: number } {
  const copy = structuredClone(program);
  const { list, index } = locate(copy, id);
  const [step] = list.splice(index, 1);
  return { program: copy, removed: stepCount(step!) };
}

/**
 * Moves the step with `id` (its branches with it) to `slot`, the slot read as it is before the move.
 * A split cannot move into one of its own branches.
 */
export function moveStep(program: Program, id: string, slot: Slot): Program {
  const copy = structuredClone(program);
  const { list, index } = locate(copy, id);
  const step = list[index]!;
  if (slot.container.kind !== 'flow' && stepsInOrder([step]).some((inner) => inner.id === (slot.container as { splitId: string }).splitId)) {
    throw new TreeEditError(`step ${id} cannot move into itself`);
  }
  const target = containerSteps(copy, slot.container, true)!;
  const marker = target[slot.index];
  list.splice(index, 1);
  // The slot was read before the step left: in the same list, a later index moved down by one.
  const at = marker === undefined ? target.length : marker === step ? index : target.indexOf(marker);
  target.splice(at, 0, step);
  return copy;
}

/**
 * Changes the settings of the step with `id`: `change` gets a copy of the step and answers the step
 * as it should be. Its id, kind, comments and (for a split) nothing else are kept unless `change` alters them.
 */
export function updateStep(program: Program, id: string, change: (step: Step) => Step): Program {
  const copy = structuredClone(program);
  const { list, index } = locate(copy, id);
  const before = list[index]!;
  const after = change(structuredClone(before));
  if (after.id !== before.id) throw new TreeEditError(`a step keeps its id (${before.id})`);
  list[index] = after;
  return copy;
}

/** The steps of a container; with `create`, a split's "others" that continues or leaves becomes a step list. */
export function containerSteps(program: Program, container: StepContainer, create = false): Step[] | undefined {
  if (container.kind === 'flow') return flowOf(program).steps;
  const split = findStep(program, container.splitId);
  if (split?.kind !== 'split') throw new TreeEditError(`no split with id ${container.splitId}`);
  if (container.kind === 'branch') {
    const branch = split.branches[container.branch];
    if (!branch) throw new TreeEditError(`split ${container.splitId} has no branch ${container.branch}`);
    return branch.steps;
  }
  if (split.others?.kind === 'steps') return split.others.steps;
  if (!create) return undefined;
  const others = split.others;
  const steps: Step[] = [];
  // "Others leaves the flow" stays true: the leave becomes the last step of the new list.
  if (others?.kind === 'leave') steps.push({ kind: 'leave', id: freshStepId(program), actions: others.actions, ...(others.endComments ? { endComments: others.endComments } : {}) });
  split.others = { kind: 'steps', steps, ...(others?.comments ? { comments: others.comments } : {}) };
  return steps;
}

function placeAt(program: Program, slot: Slot, step: Step): void {
  const steps = containerSteps(program, slot.container, true)!;
  if (slot.index < 0 || slot.index > steps.length) throw new TreeEditError(`no slot ${slot.index} in a list of ${steps.length} steps`);
  steps.splice(slot.index, 0, step);
}

/** The list holding the step with `id`, and its index there. */
function locate(program: Program, id: string): { list: Step[]; index: number } {
  const search = (list: Step[]): { list: Step[]; index: number } | undefined => {
    for (let index = 0; index < list.length; index++) {
      const step = list[index]!;
      if (step.id === id) return { list, index };
      if (step.kind !== 'split') continue;
      for (const branch of step.branches) {
        const found = search(branch.steps);
        if (found) return found;
      }
      if (step.others?.kind === 'steps') {
        const found = search(step.others.steps);
        if (found) return found;
      }
    }
    return undefined;
  };
  const found = search(flowOf(program).steps);
  if (!found) throw new TreeEditError(`no step with id ${id}`);
  return found;
}
