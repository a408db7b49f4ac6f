// A flow step's settings as its graph node holds them: what the step does, as plain data, without
// its kind, id, nested steps, comments or source positions, and without absent (undefined) parts.
// Written out per kind rather than as a generic copy: copying property by property into a new
// object was most of a flow's compile time (flow-node-settings.spec.ts holds the two equal).
import type {
  Duration, FollowUpDate, LeaveAction, LeaveOptions, Party, SaleDate, Step, UpdateOperation, WaitEvent,
} from './ast.js';

type Settings = Record<string, unknown>;

export function nodeSettingsOf(step: Step): Settings {
  switch (step.kind) {
    case 'send_email': {
      const settings: Settings = { template: step.template };
      put(settings, 'subject', step.subject);
      settings['attachments'] = step.attachments.slice();
      return put(settings, 'transactional', step.transactional);
    }
    case 'send_sms': {
      const settings: Settings = {
        message: step.message.kind === 'text' ? { kind: 'text', text: step.message.text } : { kind: 'template', template: step.message.template },
      };
      put(settings, 'transactional', step.transactional);
      put(settings, 'from', step.from);
      return put(settings, 'ifNoMobile', step.ifNoMobile && (step.ifNoMobile.kind === 'skip' ? { kind: 'skip' } : leave(step.ifNoMobile)));
    }
    case 'update_person':
      return { operations: step.operations.map(operation) };
    case 'membership':
      return { change: step.change, target: step.target, name: step.name };
    case 'create_follow_up': {
      const settings: Settings = { title: step.title, type: step.type };
      put(settings, 'project', step.project);
      settings['date'] = followUpDate(step.date);
      settings['assign'] = party(step.assign);
      return put(settings, 'agenda', step.agenda);
    }
    case 'create_request': {
      const settings: Settings = { title: step.title, type: step.type, status: step.status };
      put(settings, 'category', step.category);
      put(settings, 'priority', step.priority);
      settings['owner'] = party(step.owner);
      return put(settings, 'message', step.message);
    }
    case 'create_sale': {
      const settings: Settings = { title: step.title, type: step.type, stage: step.stage };
      put(settings, 'amount', step.amount);
      put(settings, 'description', step.description);
      put(settings, 'project', step.project);
      put(settings, 'date', step.date && saleDate(step.date));
      return put(settings, 'owner', step.owner && party(step.owner));
    }
    case 'distribute': {
      const pool = step.pool.kind === 'group' ? { kind: 'group', name: step.pool.name } : { kind: 'employees', emails: step.pool.emails.slice() };
      return put(put({ pool }, 'fallback', step.fallback), 'onlyIfUnassigned', step.onlyIfUnassigned);
    }
    case 'run_script': {
      const settings: Settings = { source: step.source };
      put(settings, 'timeoutMs', step.timeoutMs);
      return put(settings, 'memoryMb', step.memoryMb);
    }
    case 'call_webhook': {
      const settings: Settings = { method: step.method, url: step.url, headers: step.headers.map((h) => ({ name: h.name, secret: h.secret })) };
      put(settings, 'body', step.body);
      return put(settings, 'timeoutMs', step.timeoutMs);
    }
    case 'notify_email': {
      const settings: Settings = { to: party(step.to) };
      put(settings, 'template', step.template);
      put(settings, 'subject', step.subject);
      return put(settings, 'text', step.text);
    }
    case 'notify_sms':
      return put({ to: party(step.to), text: step.text }, 'from', step.from);
    case 'wait':
      return { duration: duration(step.duration) };
    case 'wait_until':
      return { until: step.until };
    case 'wait_for': {
      const settings: Settings = { event: waitEvent(step.event) };
      put(settings, 'atMost', step.atMost && duration(step.atMost));
      return put(settings, 'onTimeout', step.onTimeout && (step.onTimeout.kind === 'continue' ? { kind: 'continue' } : leave(step.onTimeout)));
    }
    case 'split': {
      // Its branches become nodes of their own.
      const settings: Settings = { name: step.name };
      if (!step.random) return settings;
      const random: Settings = { shares: step.branches.map((branch) => ({ branch: branch.name, percent: branch.percent ?? 0 })) };
      put(random, 'holdout', step.random.holdout);
      put(random, 'pickWinner', step.random.pickWinner && { ...step.random.pickWinner });
      return put(settings, 'random', random);
    }
    case 'leave':
      return { actions: leaveActionsOf(step.actions) };
    case 'complete':
      return { actions: step.actions.map((action) => ({ kind: action.kind, outcome: action.outcome, flow: action.flow })) };
  }
}

/** Sets the property when it has a value: settings leave out what the step does not say. */
function put(settings: Settings, key: string, value: unknown): Settings {
  if (value !== undefined) settings[key] = value;
  return settings;
}

function party(value: Party): Party {
  return value.kind === 'role' ? { kind: 'role', role: value.role } : { kind: 'address', address: value.address };
}

function duration(value: Duration): Duration {
  return { amount: value.amount, unit: value.unit };
}

function followUpDate(value: FollowUpDate): FollowUpDate {
  return value.kind === 'after' ? { kind: 'after', duration: duration(value.duration) } : { kind: value.kind };
}

function saleDate(value: SaleDate): SaleDate {
  return value.kind === 'after' ? { kind: 'after', duration: duration(value.duration) } : { kind: value.kind };
}

function waitEvent(event: WaitEvent): WaitEvent {
  if (event.kind === 'form_submitted') return { kind: 'form_submitted', form: event.form };
  return event.step === undefined ? { kind: event.kind } : { kind: event.kind, step: event.step };
}

function leave(value: { kind: 'leave' } & LeaveOptions): { kind: 'leave'; actions: LeaveAction[] } {
  return { kind: 'leave', actions: leaveActionsOf(value.actions) };
}

/** What happens on leaving, as plain data. */
export function leaveActionsOf(actions: readonly LeaveAction[]): LeaveAction[] {
  return actions.map(leaveAction);
}

function leaveAction(action: LeaveAction): LeaveAction {
  return action.kind === 'move_to_flow' ? { kind: 'move_to_flow', flow: action.flow } : { kind: 'add_to_selection', selection: action.selection };
}

function operation(op: UpdateOperation): UpdateOperation {
  switch (op.kind) {
    case 'clear': return { kind: 'clear', field: op.field };
    case 'increase': return { kind: 'increase', field: op.field, by: op.by };
    default: return { kind: op.kind, field: op.field, value: op.value };
  }
}
