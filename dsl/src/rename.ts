// Renaming a name that rules refer to: a template key, selection, project, form, flow,
// status, task type, employee e-mail or group. The source is parsed, every reference of that kind
// is rewritten in the AST by one small handler per node kind, and the program is printed again
// (comments travel with the AST, so the printer keeps them).
import type {
  ChangeValues, CompleteAction, Condition, Declaration, FlowSetting, FlowTrigger, LeaveAction, LeaveOptions, Party,
  Step, SuccessCriterion, Value, WorkflowAction, WorkflowTrigger,
} from './ast.js';
import type { StatusKind } from './catalog.js';
import { hasErrors } from './diagnostics.js';
import { parse } from './parse.js';
import { print } from './printer.js';

export type ReferenceKind =
  | 'template' | 'selection' | 'project' | 'form' | 'flow' | 'status' | 'task_type' | 'employee' | 'group';

export interface RenameOptions {
  /** For `status`: only statuses of this kind (`quote_request.status`, …); without it, all three kinds. */
  statusKind?: StatusKind;
}

export interface RenameResult {
  source: string;
  /** How many references were rewritten; 0 means `source` is the input, byte for byte. */
  changed: number;
}

const STATUS_KINDS: readonly StatusKind[] = ['quote_request', 'opportunity', 'intake_measure'];

/**
 * Rewrites every reference of that kind named `from` to `to` in the source; comments and everything
 * else kept; returns the canonical printed source and how many references changed (0 → source
 * returned unchanged, byte for byte). Never throws: a source that does not parse is returned
 * unchanged with changed 0.
 */
export function renameReferences(
  source: string, kind: ReferenceKind, from: string, to: string, options: RenameOptions = {},
): RenameResult {
  const unchanged: RenameResult = { source, changed: 0 };
  try {
    if (typeof source !== 'string' || from === to) return unchanged;
    const parsed = parse(source);
    if (hasErrors(parsed.diagnostics)) return unchanged;
    const renamer = new Renamer(kind, from, to, options.statusKind);
    for (const declaration of parsed.ast.declarations) declarationHandlers[declaration.kind](renamer, declaration as never);
    if (renamer.changed === 0) return unchanged;
    return { source: print(parsed.ast), changed: renamer.changed };
  } catch {
    return unchanged;
  }
}

// ---- the rename itself ------------------------------------------------------------------------

/** Knows what is renamed; handlers offer it every name they hold and store what it gives back. */
class Renamer {
  changed = 0;

  constructor(
    private readonly kind: ReferenceKind,
    private readonly from: string,
    private readonly to: string,
    private readonly statusKind: StatusKind | undefined,
  ) {}

  /** The name to store for a reference of `kind`: `to` when it is the renamed one, else itself. */
  name(kind: ReferenceKind, value: string): string {
    if (kind !== this.kind || !this.matches(value)) return value;
    this.changed++;
    return this.to;
  }

  /** A value compared with the field `entity.field` (`task.type`, `quote_request.status`). */
  value(path: string, value: Value): Value {
    if (typeof value !== 'string') return value;
    const kind = this.kindOfField(path);
    return kind ? this.name(kind, value) : value;
  }

  private kindOfField(path: string): ReferenceKind | undefined {
    if (path === 'task.type') return 'task_type';
    const [head, field, ...rest] = path.split('.');
    if (field !== 'status' || rest.length > 0) return undefined;
    if (!(STATUS_KINDS as readonly string[]).includes(head!)) return undefined;
    return this.statusKind === undefined || this.statusKind === head ? 'status' : undefined;
  }

  private matches(value: string): boolean {
    // E-mail addresses compare case-insensitively, as the catalog does.
    return this.kind === 'employee' ? value.toLowerCase() === this.from.toLowerCase() : value === this.from;
  }
}

// ---- shared pieces ------------------------------------------------------------------------------

type Handler<T> = (r: Renamer, node: T) => void;
type HandlerTable<T extends { kind: string }> = { [K in T['kind']]: Handler<Extract<T, { kind: K }>> };

function dispatch<T extends { kind: string }>(table: HandlerTable<T>, r: Renamer, node: T): void {
  (table[node.kind as T['kind']] as Handler<T>)(r, node);
}

const nothing = (): void => {};

function renameChange(r: Renamer, path: string, change: ChangeValues): void {
  if (change.from !== undefined) change.from = r.value(path, change.from);
  if (change.to !== undefined) change.to = r.value(path, change.to);
}

function renameEmployee(r: Renamer, party: Party | undefined): void {
  if (party?.kind === 'address') party.address = r.name('employee', party.address);
}

function renameLeave(r: Renamer, options: LeaveOptions | undefined): void {
  for (const action of options?.actions ?? []) dispatch(leaveActionHandlers, r, action);
}

function renameSteps(r: Renamer, steps: readonly Step[]): void {
  for (const step of steps) dispatch(stepHandlers, r, step);
}

// ---- conditions -------------------------------------------------------------------------------

const conditionHandlers: HandlerTable<Condition> = {
  and: (r, node) => node.operands.forEach((operand) => dispatch(conditionHandlers, r, operand)),
  or: (r, node) => node.operands.forEach((operand) => dispatch(conditionHandlers, r, operand)),
  not: (r, node) => dispatch(conditionHandlers, r, node.operand),
  compare: (r, node) => { node.value = r.value(node.field, node.value); },
  in: (r, node) => { node.values = node.values.map((value) => r.value(node.field, value)); },
  // A text inside the value is not a name: `contains "Bel"` does not refer to the task type "Bel".
  contains: nothing,
  empty: nothing,
  changed: (r, node) => renameChange(r, node.field, node),
};

// ---- workflows --------------------------------------------------------------------------------

const workflowTriggerHandlers: HandlerTable<WorkflowTrigger> = {
  record_event: nothing,
  task_expired: nothing,
  task_completed: nothing,
  field_changed: (r, node) => renameChange(r, `${node.entity}.${node.field}`, node),
};

const workflowActionHandlers: HandlerTable<WorkflowAction> = {
  // The recipient is a role or a literal address, not an employee reference.
  send_email: (r, node) => { node.template = r.name('template', node.template); },
  send_sms: (r, node) => {
    if (node.message.kind === 'template') node.message.template = r.name('template', node.message.template);
  },
};

// ---- flows: settings ----------------------------------------------------------------------------

const flowTriggerHandlers: HandlerTable<FlowTrigger> = {
  manual: nothing,
  form_submitted: (r, node) => { node.form = r.name('form', node.form); },
  selection_added: (r, node) => { node.selection = r.name('selection', node.selection); },
  link_clicked: nothing,
  condition: (r, node) => dispatch(conditionHandlers, r, node.condition),
  date: nothing,
  yearly: nothing,
};

const criterionHandlers: HandlerTable<SuccessCriterion> = {
  record_created: nothing,
  form_submitted: (r, node) => { node.form = r.name('form', node.form); },
  link_clicked: nothing,
  added_to: (r, node) => { node.name = r.name(node.target, node.name); },
  field_changed: (r, node) => renameChange(r, `${node.entity}.${node.field}`, node),
};

const settingHandlers: HandlerTable<FlowSetting> = {
  sender: nothing,
  reply_to: nothing,
  sms_sender: nothing,
  send_window: nothing,
  timezone: nothing,
  trigger: (r, node) => dispatch(flowTriggerHandlers, r, node.trigger),
  filter: (r, node) => dispatch(conditionHandlers, r, node.condition),
  exclude: (r, node) => { node.selection = r.name('selection', node.selection); },
  exit: (r, node) => {
    dispatch(conditionHandlers, r, node.condition);
    renameLeave(r, node);
  },
  once_per_person: nothing,
  when_limited: nothing,
  restart: nothing,
  success: (r, node) => node.criteria.forEach((criterion) => dispatch(criterionHandlers, r, criterion)),
};

// ---- flows: steps -----------------------------------------------------------------------------

const leaveActionHandlers: HandlerTable<LeaveAction> = {
  move_to_flow: (r, node) => { node.flow = r.name('flow', node.flow); },
  add_to_selection: (r, node) => { node.selection = r.name('selection', node.selection); },
};

const completeActionHandlers: HandlerTable<CompleteAction> = {
  on_outcome: (r, node) => { node.flow = r.name('flow', node.flow); },
};

const stepHandlers: HandlerTable<Step> = {
  // A webhook names secrets of the installation's configuration, which no rename touches.
  call_webhook: nothing,
  send_email: (r, step) => { step.template = r.name('template', step.template); },
  send_sms: (r, step) => {
    if (step.message.kind === 'template') step.message.template = r.name('template', step.message.template);
    if (step.ifNoMobile?.kind === 'leave') renameLeave(r, step.ifNoMobile);
  },
  update_person: nothing,
  membership: (r, step) => { step.name = r.name(step.target, step.name); },
  create_follow_up: (r, step) => {
    // `type` is a follow-up type, not one of the task types: left alone.
    if (step.project !== undefined) step.project = r.name('project', step.project);
    renameEmployee(r, step.assign);
  },
  create_request: (r, step) => {
    // `status` is a request's own status, not one of the managed statuses (quote_request, …).
    renameEmployee(r, step.owner);
  },
  create_sale: (r, step) => {
    if (step.project !== undefined) step.project = r.name('project', step.project);
    renameEmployee(r, step.owner);
  },
  distribute: (r, step) => {
    const { pool } = step;
    if (pool.kind === 'group') pool.name = r.name('group', pool.name);
    else pool.emails = pool.emails.map((email) => r.name('employee', email));
    if (step.fallback !== undefined) step.fallback = r.name('employee', step.fallback);
  },
  run_script: nothing,
  // `to "<address>"` is any address (or number), not necessarily an employee's.
  notify_email: (r, step) => { if (step.template !== undefined) step.template = r.name('template', step.template); },
  notify_sms: nothing,
  wait: nothing,
  wait_until: nothing,
  wait_for: (r, step) => {
    if (step.event.kind === 'form_submitted') step.event.form = r.name('form', step.event.form);
    if (step.onTimeout?.kind === 'leave') renameLeave(r, step.onTimeout);
  },
  split: (r, step) => {
    for (const branch of step.branches) {
      dispatch(conditionHandlers, r, branch.condition);
      renameSteps(r, branch.steps);
    }
    if (step.others?.kind === 'leave') renameLeave(r, step.others);
    else if (step.others?.kind === 'steps') renameSteps(r, step.others.steps);
  },
  leave: (r, step) => renameLeave(r, step),
  complete: (r, step) => step.actions.forEach((action) => dispatch(completeActionHandlers, r, action)),
};

// ---- declarations -----------------------------------------------------------------------------

// A declaration's own name (`flow "Upsell" { … }`) is the thing itself, not a reference to it.
const declarationHandlers: HandlerTable<Declaration> = {
  workflow: (r, workflow) => {
    dispatch(workflowTriggerHandlers, r, workflow.trigger);
    if (workflow.when) dispatch(conditionHandlers, r, workflow.when.condition);
    for (const action of workflow.actions) dispatch(workflowActionHandlers, r, action);
  },
  flow: (r, flow) => {
    for (const setting of flow.settings) dispatch(settingHandlers, r, setting);
    renameSteps(r, flow.steps);
  },
};
