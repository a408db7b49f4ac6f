// CST → AST for `create follow_up|request|sale`: settings in any order, checked per record kind.
import type { CstNode } from 'chevrotain';
import type {
  CreateFollowUpStep, CreateRequestStep, CreateSaleStep, FollowUpDate, Role, SaleDate,
} from './ast.js';
import { BuildContext, durationOf, numberOf, partyOf, text, withPart } from './ast-builder-common.js';
import { childOf, childrenOf, firstPresent, has, tokenOf } from './cst.js';

type RecordKind = 'follow_up' | 'request' | 'sale';

/** The keyword that starts each setting alternative in the grammar's `createSetting` rule. */
// `date` first: its `date after …` form also holds an `after` token.
const SETTING_KEYWORDS = [
  'date', 'type', 'project', 'agenda', 'status', 'category', 'priority', 'message', 'description', 'at',
  'after', 'on', 'assign', 'owner', 'stage', 'amount',
] as const;
type SettingKeyword = (typeof SETTING_KEYWORDS)[number];

const ALLOWED: { [R in RecordKind]: readonly SettingKeyword[] } = {
  follow_up: ['type', 'project', 'at', 'after', 'on', 'assign', 'agenda'],
  request: ['type', 'status', 'category', 'priority', 'owner', 'message'],
  sale: ['type', 'stage', 'amount', 'description', 'project', 'date', 'owner'],
};

/** Settings that say the same thing count as one for "given twice" (a follow-up has one date). */
const GROUP: Partial<{ [K in SettingKeyword]: string }> = { at: 'the date', after: 'the date', on: 'the date' };

type Settings = Partial<{ [K in SettingKeyword]: CstNode }>;

function settingsOf(ctx: BuildContext, record: RecordKind, nodes: readonly CstNode[]): Settings {
  const found: Settings = {};
  const groups = new Set<string>();
  for (const node of nodes) {
    const keyword = firstPresent(node, SETTING_KEYWORDS);
    if (!keyword) continue;
    const loc = ctx.at.node(node);
    if (!ALLOWED[record].includes(keyword)) {
      const hint = record === 'sale' && keyword === 'after' ? "; write 'date after …'" : '';
      ctx.error(loc, `'${keyword}' is not a setting of create ${record}${hint}`);
      continue;
    }
    const group = GROUP[keyword] ?? `'${keyword}'`;
    if (groups.has(group)) {
      ctx.error(loc, `${group} is given twice`);
      continue;
    }
    groups.add(group);
    found[keyword] = node;
  }
  return found;
}

function required(ctx: BuildContext, node: CstNode, record: RecordKind, present: boolean, what: string): void {
  if (!present) ctx.missingPart(ctx.at.node(node), `create ${record} needs ${what}`);
}

const stringOf = (setting: CstNode | undefined) => text(tokenOf(setting, 'String'));
const EMPLOYEE = 'a quoted employee e-mail address';

export function createStepOf(ctx: BuildContext, node: CstNode): CreateFollowUpStep | CreateRequestStep | CreateSaleStep {
  const record: RecordKind = has(node, 'sale') ? 'sale' : has(node, 'request') ? 'request' : 'follow_up';
  const titleToken = tokenOf(node, 'String');
  const s = settingsOf(ctx, record, childrenOf(node, 'createSetting'));
  required(ctx, node, record, s.type !== undefined, 'a type: type "<type>"');
  const party = (setting: CstNode | undefined, roles: Role[], where: string) =>
    partyOf(ctx, childOf(setting, 'party'), roles, where, EMPLOYEE);
  const title = text(titleToken);
  const type = stringOf(s.type);
  // Optional settings are added after the required ones, in this order (the objects' key order).
  let step: CreateFollowUpStep | CreateRequestStep | CreateSaleStep;
  if (record === 'follow_up') {
    required(ctx, node, record, Boolean(s.at ?? s.after ?? s.on), 'a date: at first_available, after <n> days or on task_date');
    required(ctx, node, record, s.assign !== undefined, "'assign': our_contact, service_contact or an employee's e-mail");
    const date: FollowUpDate = s.after ? { kind: 'after', duration: durationOf(ctx, childOf(s.after, 'duration')) }
      : s.on ? { kind: 'task_date' } : { kind: 'first_available' };
    const followUp: CreateFollowUpStep = {
      kind: 'create_follow_up', title, type, date, assign: party(s.assign, FOLLOW_UP_ASSIGNEES, "'assign'"),
    };
    if (s.project) followUp.project = stringOf(s.project);
    if (s.agenda) followUp.agenda = stringOf(s.agenda);
    step = followUp;
  } else if (record === 'request') {
    required(ctx, node, record, s.status !== undefined, 'a status: status "<status>"');
    required(ctx, node, record, s.owner !== undefined, "an owner: auto, unassigned or an employee's e-mail");
    const request: CreateRequestStep = {
      kind: 'create_request', title, type, status: stringOf(s.status),
      owner: party(s.owner, REQUEST_OWNERS, "a request's 'owner'"),
    };
    if (s.category) request.category = stringOf(s.category);
    if (s.priority) request.priority = stringOf(s.priority);
    if (s.message) request.message = stringOf(s.message);
    step = request;
  } else {
    required(ctx, node, record, s.stage !== undefined, 'a stage: stage open, sold or lost');
    const stage = has(s.stage, 'sold') ? 'sold' : has(s.stage, 'lost') ? 'lost' : 'open';
    const sale: CreateSaleStep = { kind: 'create_sale', title, type, stage };
    if (s.amount) sale.amount = numberOf(ctx, childOf(s.amount, 'numberValue'));
    if (s.description) sale.description = stringOf(s.description);
    if (s.project) sale.project = stringOf(s.project);
    if (s.date) sale.date = saleDateOf(ctx, s.date);
    if (s.owner) sale.owner = party(s.owner, SALE_OWNERS, "a sale's 'owner'");
    step = sale;
  }
  withPart(step, 'title', ctx.at.token(titleToken));
  for (const name in s) withPart(step, name, ctx.at.node(s[name as SettingKeyword]));
  return step;
}

const FOLLOW_UP_ASSIGNEES: Role[] = ['our_contact', 'service_contact'];
const REQUEST_OWNERS: Role[] = ['auto', 'unassigned'];
const SALE_OWNERS: Role[] = ['our_contact', 'service_contact'];

function saleDateOf(ctx: BuildContext, setting: CstNode): SaleDate {
  return has(setting, 'by_type') ? { kind: 'by_type' } : { kind: 'after', duration: durationOf(ctx, childOf(setting, 'duration')) };
}
