import { conditionHolds, type CompiledFlowTrigger, type CompiledSuccessCriterion } from '@stroom/dsl';
import type { RecordChange } from '../../events/record-change.js';
import type { Facts } from '../../facts/record-facts.js';
import type { AwaitedEvent, Participant } from '../participant.entity.js';

/** What matching needs to know about an event beyond the row: the list's name, the record's facts. */
export interface EventView {
  event: RecordChange;
  personId: string;
  /** For `selection.added` / `project.added`: the list's name. */
  listName?: string;
  /** The changed record's facts with the `event` fact, for conditions (loaded on demand). */
  facts(): Promise<Facts>;
}

const is = (event: RecordChange, entity: string, kind: string) => event.entity === entity && event.kind === kind;
const data = (event: RecordChange, key: string) => (event.data ?? {})[key];

export function formSubmitted(event: RecordChange, form: string): boolean {
  return is(event, 'form', 'submitted') && data(event, 'form_key') === form;
}

export async function triggerMatches(trigger: CompiledFlowTrigger, view: EventView): Promise<boolean> {
  const { event } = view;
  switch (trigger.kind) {
    case 'manual': return false;
    case 'form_submitted': return formSubmitted(event, trigger.form);
    case 'selection_added': return is(event, 'selection', 'added') && view.listName === trigger.selection;
    case 'link_clicked': return is(event, 'link', 'clicked');
    case 'condition':
      if (!['created', 'updated', 'deleted'].includes(event.kind)) return false;
      return conditionHolds(trigger.condition, await view.facts());
    // Date triggers enrol on a day, not on an event (date-triggers/).
    case 'date': case 'yearly': return false;
  }
}

export async function criterionMet(criterion: CompiledSuccessCriterion, view: EventView, flowId: string): Promise<boolean> {
  const { event } = view;
  switch (criterion.kind) {
    case 'record_created': return is(event, criterion.entity, 'created');
    case 'form_submitted': return formSubmitted(event, criterion.form);
    // A click in one of this flow's own e-mails.
    case 'link_clicked': return is(event, 'link', 'clicked') && String(data(event, 'flow_id')) === flowId;
    case 'added_to': return is(event, criterion.target, 'added') && view.listName === criterion.name;
    case 'field_changed':
      return event.entity === criterion.entity && (event.kind === 'created' || event.kind === 'updated') && conditionHolds(criterion.condition, await view.facts());
  }
}

/** Whether the event is what a participant on a `wait for` step waits for. */
export function awaitedHappens(awaited: AwaitedEvent, participant: Participant, event: RecordChange): boolean {
  // A webhook's answer arrives through its delivery job, not as an event.
  if (awaited.kind === 'webhook') return false;
  if (awaited.kind === 'form_submitted') return formSubmitted(event, awaited.form);
  const ofThisParticipant = String(data(event, 'participant_id')) === String(participant.id);
  const stepMatches = !awaited.step || data(event, 'step_id') === awaited.step;
  if (awaited.kind === 'link_clicked') return is(event, 'link', 'clicked') && ofThisParticipant && stepMatches;
  // A click proves the e-mail was opened too.
  return (is(event, 'email', 'opened') || is(event, 'link', 'clicked')) && ofThisParticipant && stepMatches;
}
