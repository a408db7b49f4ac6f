// AST → json-rules-engine rules. Workflows become one rule each with their trigger keys and action
// descriptors; flows become a step graph (flow-graph.ts) that uses the same condition compiler.
import type { NestedCondition, RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type {
  ChangeValues, CompareOperator, Condition, Duration, Entity, Party, RecordEvent, Workflow,
  WorkflowTrigger,
} from './ast.js';
import type { ChangeTest } from './engine.js';

const OPERATORS: Record<CompareOperator, string> = {
  '=': 'equal', '!=': 'notEqual', '<': 'lessThan', '<=': 'lessThanInclusive', '>': 'greaterThan', '>=': 'greaterThanInclusive',
};

/** `person.first_name` → fact `person`, path `first_name`. */
function fieldFact(field: string): { fact: string; path: string } {
  const dot = field.indexOf('.');
  return dot < 0 ? { fact: field, path: '' } : { fact: field.slice(0, dot), path: field.slice(dot + 1) };
}

/** `{ fact, path, operator, value }` for a field, built in one go. */
function fieldCondition(field: string, operator: string, value: unknown): NestedCondition {
  const dot = field.indexOf('.');
  return dot < 0
    ? { fact: field, path: '', operator, value }
    : { fact: field.slice(0, dot), path: field.slice(dot + 1), operator, value };
}

export function changeTest(field: string, change: ChangeValues): ChangeTest {
  return {
    field,
    ...(change.from !== undefined ? { from: change.from } : {}),
    ...(change.to !== undefined ? { to: change.to } : {}),
  };
}

/** The event is about `entity` and changed `field` as described. */
export function changedConditions(entity: string, field: string, change: ChangeValues): NestedCondition[] {
  return [
    { fact: 'event', path: 'entity', operator: 'equal', value: entity },
    { fact: 'event', path: 'changes', operator: 'changed', value: changeTest(field, change) },
  ];
}

function compileAll(conditions: readonly Condition[]): NestedCondition[] {
  const compiled: NestedCondition[] = new Array(conditions.length);
  for (let i = 0; i < conditions.length; i++) compiled[i] = compileNested(conditions[i]!);
  return compiled;
}

function compileNested(condition: Condition): NestedCondition {
  switch (condition.kind) {
    case 'and': return { all: compileAll(condition.operands) };
    case 'or': return { any: compileAll(condition.operands) };
    case 'not': return { not: compileNested(condition.operand) };
    case 'compare': return fieldCondition(condition.field, OPERATORS[condition.operator], condition.value);
    case 'in': return fieldCondition(condition.field, 'in', condition.values.slice());
    case 'contains': return fieldCondition(condition.field, 'contains', condition.value);
    case 'empty': return fieldCondition(condition.field, condition.negated ? 'isNotEmpty' : 'isEmpty', true);
    case 'changed': {
      const { fact, path } = fieldFact(condition.field);
      return { all: changedConditions(fact, path, condition) };
    }
  }
}

/** A condition as a json-rules-engine top-level condition (always `all`, `any` or `not` at the root). */
export function compileCondition(condition: Condition): TopLevelCondition {
  const nested = compileNested(condition);
  return 'all' in nested || 'any' in nested || 'not' in nested ? (nested as TopLevelCondition) : { all: [nested] };
}

// ---- workflows ------------------------------------------------------------------------------

/** What a runtime indexes rules by: only events with this key can fire the rule. */
export interface TriggerKey {
  entity: Entity;
  event: RecordEvent | 'expired';
  field?: string;
}

export interface ActionDescriptor {
  /** Position in the workflow, from 0: part of the message's idempotency key. */
  index: number;
  channel: 'email' | 'sms';
  template?: string;
  /** The SMS text, when the SMS names no template. */
  text?: string;
  recipient: Party;
  delay?: Duration;
  reminders?: { everyDays: number; maxCount: number };
}

export interface CompiledWorkflow {
  name: string;
  active: boolean;
  triggers: TriggerKey[];
  rule: RuleProperties;
  actions: ActionDescriptor[];
  /**
   * What must still hold when a delayed send or a reminder is due (the record keeps the status it
   * changed to; the task is still completed). Absent when nothing cancels pending sends.
   */
  stillHolds?: TopLevelCondition;
}

export const WORKFLOW_EVENT_TYPE = 'workflow.matched';

function triggerOf(trigger: WorkflowTrigger): { keys: TriggerKey[]; conditions: NestedCondition[]; stillHolds?: TopLevelCondition } {
  const isEntity = (entity: string): NestedCondition => ({ fact: 'event', path: 'entity', operator: 'equal', value: entity });
  const kindIn = (...kinds: string[]): NestedCondition => ({ fact: 'event', path: 'kind', operator: 'in', value: kinds });
  switch (trigger.kind) {
    case 'record_event':
      return { keys: [{ entity: trigger.entity, event: trigger.event }], conditions: [isEntity(trigger.entity), kindIn(trigger.event)] };
    case 'task_expired':
      return { keys: [{ entity: 'task', event: 'expired' }], conditions: [isEntity('task'), kindIn('expired')] };
    case 'task_completed': {
      const field = 'completed_at';
      return {
        keys: [{ entity: 'task', event: 'created', field }, { entity: 'task', event: 'updated', field }],
        conditions: [
          kindIn('created', 'updated'),
          isEntity('task'),
          { fact: 'event', path: 'changes', operator: 'changed', value: { field, from: null } },
          { fact: 'event', path: `changes.${field}.to`, operator: 'isNotEmpty', value: true },
        ],
        stillHolds: { all: [{ fact: 'task', path: field, operator: 'isNotEmpty', value: true }] },
      };
    }
    case 'field_changed': {
      // A record created with the value counts as changed to it (its created event lists every field).
      const { entity, field } = trigger;
      return {
        keys: [{ entity, event: 'created', field }, { entity, event: 'updated', field }],
        conditions: [kindIn('created', 'updated'), ...changedConditions(entity, field, trigger)],
        ...(trigger.to !== undefined
          ? { stillHolds: { all: [{ fact: entity, path: field, operator: 'equal', value: trigger.to }] } }
          : {}),
      };
    }
  }
}

export function compileWorkflow(workflow: Workflow): CompiledWorkflow {
  const trigger = triggerOf(workflow.trigger);
  const conditions: NestedCondition[] = [...trigger.conditions];
  if (workflow.when) conditions.push(compileNested(workflow.when.condition));
  // Descriptors are built key by key (the order the spreads gave them): index, channel, template
  // or text, recipient, then delay and reminders when present.
  const actions = workflow.actions.map((action, index): ActionDescriptor => {
    let descriptor: ActionDescriptor;
    if (action.kind === 'send_email') {
      descriptor = { index, channel: 'email', template: action.template, recipient: action.recipient };
    } else if (action.message.kind === 'template') {
      descriptor = { index, channel: 'sms', template: action.message.template, recipient: { kind: 'role', role: 'person' } };
    } else {
      descriptor = { index, channel: 'sms', text: action.message.text, recipient: { kind: 'role', role: 'person' } };
    }
    if (action.delay) descriptor.delay = { ...action.delay };
    if (action.reminder) descriptor.reminders = { everyDays: action.reminder.everyDays, maxCount: action.reminder.maxCount };
    return descriptor;
  });
  const compiled: CompiledWorkflow = {
    name: workflow.name,
    active: workflow.active,
    triggers: trigger.keys,
    rule: { name: workflow.name, conditions: { all: conditions }, event: { type: WORKFLOW_EVENT_TYPE, params: { workflow: workflow.name } } },
    actions,
  };
  if (trigger.stillHolds) compiled.stillHolds = trigger.stillHolds;
  return compiled;
}

/** `quote_request:updated:status`: a string form of a trigger key, for maps. */
export function triggerKeyString(key: TriggerKey): string {
  return [key.entity, key.event, key.field ?? ''].join(':');
}

/** The keys an event can match: with and without each changed field. */
export function eventTriggerKeys(event: { entity: string; kind: string; changes?: Record<string, unknown> }): string[] {
  const keys = [`${event.entity}:${event.kind}:`];
  for (const field of Object.keys(event.changes ?? {})) keys.push(`${event.entity}:${event.kind}:${field}`);
  return keys;
}
