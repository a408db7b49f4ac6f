// The typed contract of the language. Every node is a plain object discriminated by `kind`.
// `loc` (the node's span) and `locs` (spans of named parts, e.g. `locs.template`) are source
// positions and take no part in equality: compare with `sameAst` or `stripLocations`.

export interface Loc {
  /** 0-based offset in UTF-16 code units. */
  offset: number;
  length: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

interface Positioned {
  loc?: Loc;
  locs?: Partial<Record<string, Loc>>;
}

/** A line item: it may carry the full-line comments written above it (text after `#`). */
interface Item extends Positioned {
  comments?: string[];
}

/** A block `{ … }` keeps the comments written after its last item. */
interface Block {
  endComments?: string[];
}

export type Value = string | number | boolean;

export const ENTITIES = [
  'person', 'company', 'task', 'quote_request', 'opportunity', 'intake_measure', 'sale', 'request',
  'follow_up',
] as const;
export type Entity = (typeof ENTITIES)[number];

export const TIME_UNITS = ['minutes', 'hours', 'days', 'workdays', 'weeks'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];
export interface Duration {
  amount: number;
  unit: TimeUnit;
}

export const ROLES = [
  'person', 'contact', 'responsible', 'owner', 'our_contact', 'service_contact', 'auto', 'unassigned',
] as const;
export type Role = (typeof ROLES)[number];
/** Who receives, owns or is assigned: a role relative to the record, or a literal address. */
export type Party = { kind: 'role'; role: Role } | { kind: 'address'; address: string };

// ---- conditions -------------------------------------------------------------------------------

export type CompareOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { kind: 'and'; operands: Condition[] } & Positioned
  | { kind: 'or'; operands: Condition[] } & Positioned
  | { kind: 'not'; operand: Condition } & Positioned
  | { kind: 'compare'; field: string; operator: CompareOperator; value: Value } & Positioned
  | { kind: 'in'; field: string; values: Value[] } & Positioned
  | { kind: 'contains'; field: string; value: Value } & Positioned
  | { kind: 'empty'; field: string; negated: boolean } & Positioned
  | ({ kind: 'changed'; field: string } & ChangeValues & Positioned);

export interface ChangeValues {
  from?: Value;
  to?: Value;
}

// ---- workflows --------------------------------------------------------------------------------

export type RecordEvent = 'created' | 'updated' | 'deleted';

export type WorkflowTrigger = Item &
  (
    | { kind: 'record_event'; entity: Entity; event: RecordEvent }
    | { kind: 'task_expired' }
    | { kind: 'task_completed' }
    | ({ kind: 'field_changed'; entity: Entity; field: string } & ChangeValues)
  );

export interface When extends Item {
  kind: 'when';
  condition: Condition;
}

export interface Reminder extends Item {
  kind: 'remind';
  everyDays: number;
  maxCount: number;
}

export type SmsMessage = { kind: 'text'; text: string } | { kind: 'template'; template: string };

export interface SendEmailAction extends Item {
  kind: 'send_email';
  delay?: Duration;
  template: string;
  recipient: Party;
  reminder?: Reminder;
}

export interface SendSmsAction extends Item {
  kind: 'send_sms';
  delay?: Duration;
  message: SmsMessage;
  reminder?: Reminder;
}

export type WorkflowAction = SendEmailAction | SendSmsAction;

export interface Workflow extends Item, Block {
  kind: 'workflow';
  name: string;
  active: boolean;
  trigger: WorkflowTrigger;
  when?: When;
  actions: WorkflowAction[];
}

// ---- flows: settings ----------------------------------------------------------------------------

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type SendWindowDays = { kind: 'workdays' } | { kind: 'days'; from: Weekday; to: Weekday };

/** The records whose date fields a date trigger can watch; each belongs to one person. */
export const DATE_TRIGGER_ENTITIES = ['person', 'sale', 'quote_request', 'opportunity'] as const;
export type DateTriggerEntity = (typeof DATE_TRIGGER_ENTITIES)[number];

/** `trigger 30 days before person.extra.contract_end`: enrols on the day the offset lands on. */
export interface DateTrigger {
  kind: 'date';
  amount: number;
  unit: 'days' | 'workdays';
  direction: 'before' | 'after';
  entity: DateTriggerEntity;
  field: string;
}

/** `trigger yearly on person.extra.birthday`: enrols every year on the day and month. */
export interface YearlyTrigger {
  kind: 'yearly';
  entity: 'person';
  field: string;
}

export type FlowTrigger =
  | { kind: 'manual' }
  | { kind: 'form_submitted'; form: string }
  | { kind: 'selection_added'; selection: string }
  | { kind: 'link_clicked' }
  | { kind: 'condition'; condition: Condition }
  | DateTrigger
  | YearlyTrigger;

export type SuccessCriterion = Positioned &
  (
    | { kind: 'record_created'; entity: 'sale' | 'follow_up' | 'request' }
    | { kind: 'form_submitted'; form: string }
    | { kind: 'link_clicked' }
    | { kind: 'added_to'; target: 'selection' | 'project'; name: string }
    | ({ kind: 'field_changed'; entity: Entity; field: string } & ChangeValues)
  );

/** Flow settings in canonical order (the parser sorts them; the printer keeps the order). */
export type FlowSetting = Item &
  (
    | { kind: 'sender'; address: string }
    | { kind: 'reply_to'; address: string }
    | { kind: 'sms_sender'; name: string }
    | { kind: 'send_window'; days: SendWindowDays; start: string; end: string }
    | { kind: 'timezone'; zone: string }
    /** `when limited skip|defer`: this flow's answer to a message the contact policy stops (the policy's own when absent). */
    | { kind: 'when_limited'; action: 'defer' | 'skip' }
    | { kind: 'trigger'; trigger: FlowTrigger }
    | { kind: 'filter'; condition: Condition }
    | { kind: 'exclude'; selection: string }
    | ({ kind: 'exit'; condition: Condition } & LeaveOptions)
    | { kind: 'once_per_person' }
    | { kind: 'restart'; afterDays: number }
    | { kind: 'success'; criteria: SuccessCriterion[]; then?: 'stop' | 'continue' }
  );
export type FlowSettingKind = FlowSetting['kind'];
export const FLOW_SETTING_ORDER: readonly FlowSettingKind[] = [
  'sender', 'reply_to', 'sms_sender', 'send_window', 'timezone', 'when_limited', 'trigger', 'filter', 'exclude', 'exit',
  'once_per_person', 'restart', 'success',
];

// ---- flows: steps -----------------------------------------------------------------------------

/** What happens when a participant leaves the flow (propose to another flow, add to a selection). */
export type LeaveAction = Item &
  ({ kind: 'move_to_flow'; flow: string } | { kind: 'add_to_selection'; selection: string });

export interface LeaveOptions extends Block {
  actions: LeaveAction[];
}

export type UpdateOperation = Item &
  (
    | { kind: 'set'; field: string; value: Value }
    | { kind: 'clear'; field: string }
    | { kind: 'add'; field: string; value: Value }
    | { kind: 'remove'; field: string; value: Value }
    | { kind: 'increase'; field: string; by: number }
  );

export type FollowUpDate =
  | { kind: 'first_available' }
  | { kind: 'after'; duration: Duration }
  | { kind: 'task_date' };
export type SaleDate = { kind: 'by_type' } | { kind: 'after'; duration: Duration };
export type DistributionPool = { kind: 'employees'; emails: string[] } | { kind: 'group'; name: string };

export type WaitEvent =
  | { kind: 'link_clicked'; step?: string }
  | { kind: 'email_opened'; step?: string }
  | { kind: 'form_submitted'; form: string };

export type CompleteAction = Item & { kind: 'on_outcome'; outcome: 'success' | 'no_success'; flow: string };

export interface Branch extends Item, Block {
  kind: 'branch';
  name: string;
  /** In a random split: always true (an empty `and`); the branch is chosen by `percent`. */
  condition: Condition;
  /** In a random split: the share of enrolled people this branch gets. */
  percent?: number;
  steps: Step[];
}

/** `split random`: an experiment whose branches take shares of the people, by a stable hash of flow and person. */
export interface RandomSplit {
  /** The share that gets nothing of the flow from here (completes at once), to measure lift against doing nothing. */
  holdout?: number;
  /** `pick winner after <n> per branch at <95|99>%`: later participants all go to the winning branch. */
  pickWinner?: { after: number; confidence: 95 | 99 };
}

export type Others = Item &
  (
    | { kind: 'continue' }
    | ({ kind: 'leave' } & LeaveOptions)
    | ({ kind: 'steps'; steps: Step[] } & Block)
  );

interface StepBase extends Item {
  /** The step's label (`welkom:`): its stable id. */
  id?: string;
}

export interface SendEmailStep extends StepBase {
  kind: 'send_email';
  template: string;
  subject?: string;
  attachments: string[];
  /** Exempt from the contact policy (a flow's messages are marketing otherwise). */
  transactional?: true;
}
export interface SendSmsStep extends StepBase {
  kind: 'send_sms';
  message: SmsMessage;
  /** Exempt from the contact policy (a flow's messages are marketing otherwise). */
  transactional?: true;
  /** The step's own sender (`from "…"`); the flow's `sms_sender` when absent. */
  from?: string;
  ifNoMobile?: { kind: 'skip' } | ({ kind: 'leave' } & LeaveOptions);
}
export interface UpdatePersonStep extends StepBase, Block {
  kind: 'update_person';
  operations: UpdateOperation[];
}
export interface MembershipStep extends StepBase {
  kind: 'membership';
  change: 'add' | 'remove';
  target: 'selection' | 'project';
  name: string;
}
export interface CreateFollowUpStep extends StepBase {
  kind: 'create_follow_up';
  title: string;
  type: string;
  project?: string;
  date: FollowUpDate;
  assign: Party;
  agenda?: string;
}
export interface CreateRequestStep extends StepBase {
  kind: 'create_request';
  title: string;
  type: string;
  status: string;
  category?: string;
  priority?: string;
  owner: Party;
  message?: string;
}
export interface CreateSaleStep extends StepBase {
  kind: 'create_sale';
  title: string;
  type: string;
  stage: 'open' | 'sold' | 'lost';
  amount?: number;
  description?: string;
  project?: string;
  date?: SaleDate;
  owner?: Party;
}
export interface DistributeStep extends StepBase {
  kind: 'distribute';
  pool: DistributionPool;
  fallback?: string;
  /** `if unassigned`: only a person without an owner gets one; otherwise the owner is always (re)assigned. */
  onlyIfUnassigned?: true;
}
export interface RunScriptStep extends StepBase {
  kind: 'run_script';
  source: string;
  timeoutMs?: number;
  memoryMb?: number;
}
/** A notification e-mail: a template, or its own subject and text (both with merge variables). */
export interface NotifyEmailStep extends StepBase {
  kind: 'notify_email';
  to: Party;
  template?: string;
  subject?: string;
  text?: string;
}
export interface NotifySmsStep extends StepBase {
  kind: 'notify_sms';
  to: Party;
  text: string;
  /** The step's own sender (`from "…"`); the flow's `sms_sender` when absent. */
  from?: string;
}
export interface WaitStep extends StepBase {
  kind: 'wait';
  duration: Duration;
}
export interface WaitUntilStep extends StepBase {
  kind: 'wait_until';
  until: string;
}
export interface WaitForStep extends StepBase {
  kind: 'wait_for';
  event: WaitEvent;
  atMost?: Duration;
  onTimeout?: { kind: 'continue' } | ({ kind: 'leave' } & LeaveOptions);
}
export const WEBHOOK_METHODS = ['GET', 'POST', 'PUT'] as const;
export type WebhookMethod = (typeof WEBHOOK_METHODS)[number];
/** A request header whose value is a named secret of the installation (never written in the rule). */
export interface WebhookHeader {
  name: string;
  secret: string;
}
export interface CallWebhookStep extends StepBase {
  kind: 'call_webhook';
  method: WebhookMethod;
  /** The address, with merge variables. */
  url: string;
  headers: WebhookHeader[];
  /** JSON with merge variables. */
  body?: string;
  timeoutMs?: number;
}
export interface SplitStep extends StepBase, Block {
  kind: 'split';
  name: string;
  /** Present on `split random`: an experiment (its branches have `percent` and no `others`). */
  random?: RandomSplit;
  branches: Branch[];
  others?: Others;
}
export interface LeaveStep extends StepBase, LeaveOptions {
  kind: 'leave';
}
export interface CompleteStep extends StepBase, Block {
  kind: 'complete';
  actions: CompleteAction[];
}

export type Step =
  | SendEmailStep | SendSmsStep | UpdatePersonStep | MembershipStep | CreateFollowUpStep
  | CreateRequestStep | CreateSaleStep | DistributeStep | RunScriptStep | NotifyEmailStep
  | NotifySmsStep | WaitStep | WaitUntilStep | WaitForStep | SplitStep | LeaveStep | CompleteStep
  | CallWebhookStep;
export type StepKind = Step['kind'];

export interface Flow extends Item, Block {
  kind: 'flow';
  name: string;
  settings: FlowSetting[];
  steps: Step[];
}

export type Declaration = Workflow | Flow;

export interface Program extends Block {
  kind: 'program';
  declarations: Declaration[];
}

// ---- helpers ----------------------------------------------------------------------------------

/** A deep copy without source positions (and without properties whose value is undefined). */
export function stripLocations<T>(node: T): T {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    const items: unknown[] = new Array(node.length);
    for (let i = 0; i < node.length; i++) items[i] = stripLocations(node[i]);
    return items as T;
  }
  return stripKeys(node as Record<string, unknown>) as T;
}

/**
 * A copy of a plain node without its positions and its undefined properties; keys in order.
 * (`for…in` over a plain object is `Object.keys` without the array.)
 */
function stripKeys(node: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in node) {
    if (key === 'loc' || key === 'locs' || !Object.hasOwn(node, key)) continue;
    const value = node[key];
    if (value === undefined) continue;
    copy[key] = value !== null && typeof value === 'object' ? stripLocations(value) : value;
  }
  return copy;
}

/** Structural equality ignoring source positions. */
export function sameAst(a: unknown, b: unknown): boolean {
  return deepEqual(stripLocations(a), stripLocations(b));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Every step of a flow's blocks, nested steps (split branches, others) included, in document order. */
export function stepsInOrder(steps: readonly Step[], into: Step[] = []): Step[] {
  for (const step of steps) {
    into.push(step);
    if (step.kind !== 'split') continue;
    for (const branch of step.branches) stepsInOrder(branch.steps, into);
    if (step.others?.kind === 'steps') stepsInOrder(step.others.steps, into);
  }
  return into;
}

/** Calls `visit` for every step of a flow, nested steps included, in document order. */
export function forEachStep(steps: readonly Step[], visit: (step: Step) => void): void {
  for (const step of stepsInOrder(steps)) visit(step);
}

/** The flow's settings as one object, for consumers that do not care about source order. */
export interface FlowSettingsView {
  sender?: string;
  replyTo?: string;
  smsSender?: string;
  sendWindow?: { days: SendWindowDays; start: string; end: string };
  timezone?: string;
  /** What a message the contact policy stops does in this flow; the policy's `when limited` when absent. */
  whenLimited?: 'defer' | 'skip';
  triggers: FlowTrigger[];
  filter?: Condition;
  exclusions: string[];
  /** Checked before every step and on every change of the person: when it holds, the participant leaves. */
  exit?: { condition: Condition; actions: LeaveAction[] };
  oncePerPerson: boolean;
  /** A person may take the flow again this many days after their previous participation ended. */
  restartAfterDays?: number;
  success?: { criteria: SuccessCriterion[]; then: 'stop' | 'continue' };
}

export function flowSettingsOf(flow: Flow): FlowSettingsView {
  const view: FlowSettingsView = { triggers: [], exclusions: [], oncePerPerson: false };
  for (const setting of flow.settings) {
    switch (setting.kind) {
      case 'sender': view.sender = setting.address; break;
      case 'reply_to': view.replyTo = setting.address; break;
      case 'sms_sender': view.smsSender = setting.name; break;
      case 'send_window':
        view.sendWindow = { days: setting.days, start: setting.start, end: setting.end };
        break;
      case 'timezone': view.timezone = setting.zone; break;
      case 'when_limited': view.whenLimited = setting.action; break;
      case 'trigger': view.triggers.push(setting.trigger); break;
      case 'filter': view.filter = setting.condition; break;
      case 'exclude': view.exclusions.push(setting.selection); break;
      case 'exit': view.exit = { condition: setting.condition, actions: setting.actions }; break;
      case 'once_per_person': view.oncePerPerson = true; break;
      case 'restart': view.restartAfterDays = setting.afterDays; break;
      case 'success':
        // A success rule stops the flow unless it says `then continue`.
        view.success = { criteria: setting.criteria, then: setting.then ?? 'stop' };
        break;
    }
  }
  return view;
}
