// CST → AST for flows and their settings. Steps are built in ast-builder-steps.ts.
import type { CstNode, IToken } from 'chevrotain';
import {
  FLOW_SETTING_ORDER, WEEKDAYS, type Flow, type FlowSetting, type FlowSettingKind, type FlowTrigger,
  type SendWindowDays, type SuccessCriterion, type Weekday,
} from './ast.js';
import { assignChangeValues, BuildContext, conditionOf, pathOf, text, withPart } from './ast-builder-common.js';
import { entityOf } from './ast-builder.js';
import { stepsOf } from './ast-builder-steps.js';
import { childOf, childrenOf, has, isReal, tokenOf, tokensOf } from './cst.js';

/** Settings a flow has at most once. */
const SINGLE_SETTINGS = new Set<FlowSettingKind>([
  'sender', 'reply_to', 'sms_sender', 'send_window', 'timezone', 'filter', 'once_per_person', 'success',
]);

export function flowOf(ctx: BuildContext, node: CstNode): Flow {
  const nameToken = tokenOf(node, 'String');
  const flow: Flow = { kind: 'flow', name: text(nameToken), settings: [], steps: [], loc: ctx.at.node(node) };
  withPart(flow, 'name', ctx.at.token(nameToken));
  const seen = new Set<FlowSettingKind>();
  for (const settingNode of childrenOf(node, 'flowSetting')) {
    const setting = settingOf(ctx, settingNode);
    if (SINGLE_SETTINGS.has(setting.kind) && seen.has(setting.kind)) {
      ctx.error(setting.loc, `the flow already has a ${setting.kind.replaceAll('_', ' ')} setting`);
      continue;
    }
    seen.add(setting.kind);
    flow.settings.push(setting);
  }
  // Canonical order, so that parse(print(ast)) gives the same list whatever order the source used.
  flow.settings.sort((a, b) => FLOW_SETTING_ORDER.indexOf(a.kind) - FLOW_SETTING_ORDER.indexOf(b.kind));
  flow.steps = stepsOf(ctx, childrenOf(node, 'step'));
  ctx.scope(tokenOf(node, 'LCurly'), tokenOf(node, 'RCurly'), flow, [...flow.settings, ...flow.steps]);
  return flow;
}

function settingOf(ctx: BuildContext, node: CstNode): FlowSetting {
  const loc = ctx.at.node(node);
  const value = text(tokenOf(node, 'String'));
  const valueLoc = ctx.at.token(tokenOf(node, 'String'));
  let setting: FlowSetting;
  if (has(node, 'sender')) setting = withPart({ kind: 'sender', address: value }, 'address', valueLoc);
  else if (has(node, 'reply_to')) setting = withPart({ kind: 'reply_to', address: value }, 'address', valueLoc);
  else if (has(node, 'sms_sender')) setting = withPart({ kind: 'sms_sender', name: value }, 'name', valueLoc);
  else if (has(node, 'timezone')) setting = withPart({ kind: 'timezone', zone: value }, 'zone', valueLoc);
  else if (has(node, 'sendWindow')) setting = sendWindowOf(ctx, childOf(node, 'sendWindow')!);
  else if (has(node, 'trigger')) setting = { kind: 'trigger', trigger: flowTriggerOf(ctx, childOf(node, 'flowTrigger')) };
  else if (has(node, 'filter')) setting = { kind: 'filter', condition: conditionOf(ctx, childOf(node, 'condition')) };
  else if (has(node, 'exclude')) setting = withPart({ kind: 'exclude', selection: value }, 'selection', valueLoc);
  else if (has(node, 'once')) setting = { kind: 'once_per_person' };
  else setting = successOf(ctx, childOf(node, 'successRule'));
  setting.loc = loc;
  return setting;
}

function weekdayOf(ctx: BuildContext, token: IToken | undefined): Weekday {
  const found = isReal(token) ? token.image : '';
  if ((WEEKDAYS as readonly string[]).includes(found)) return found as Weekday;
  if (found) ctx.error(ctx.at.token(token), `expected a day (${WEEKDAYS.join(', ')}), found '${found}'`);
  return 'mon';
}

/** `8:00` → `08:00`; hours 0–24, minutes 0–59. */
function timeOf(ctx: BuildContext, token: IToken | undefined): string {
  if (!isReal(token)) return '00:00';
  const [hours = '0', minutes = '0'] = token.image.split(':');
  const time = `${hours.padStart(2, '0')}:${minutes}`;
  if (Number(hours) > 24 || Number(minutes) > 59 || (Number(hours) === 24 && Number(minutes) > 0)) {
    ctx.error(ctx.at.token(token), `'${token.image}' is not a time of day`);
  }
  return time;
}

function sendWindowOf(ctx: BuildContext, node: CstNode): FlowSetting {
  const [fromDay, toDay] = tokensOf(node, 'Identifier');
  const days: SendWindowDays = has(node, 'workdays')
    ? { kind: 'workdays' }
    : { kind: 'days', from: weekdayOf(ctx, fromDay), to: toDay ? weekdayOf(ctx, toDay) : weekdayOf(ctx, fromDay) };
  const [startToken, endToken] = tokensOf(node, 'Time');
  const start = timeOf(ctx, startToken);
  const end = timeOf(ctx, endToken);
  if (isReal(startToken) && isReal(endToken) && end <= start) {
    ctx.error(ctx.at.node(node), 'the send window closes before it opens');
  }
  return { kind: 'send_window', days, start, end };
}

function flowTriggerOf(ctx: BuildContext, node: CstNode | undefined): FlowTrigger {
  const name = text(tokenOf(node, 'String'));
  if (has(node, 'form')) return { kind: 'form_submitted', form: name };
  if (has(node, 'selection')) return { kind: 'selection_added', selection: name };
  if (has(node, 'link')) return { kind: 'link_clicked' };
  if (has(node, 'when')) return { kind: 'condition', condition: conditionOf(ctx, childOf(node, 'condition')) };
  return { kind: 'manual' };
}

function successOf(ctx: BuildContext, node: CstNode | undefined): FlowSetting {
  const criteria = childrenOf(node, 'successCriterion').map((criterion) => criterionOf(ctx, criterion));
  const then = has(node, 'stop') ? 'stop' : has(node, 'continue') ? 'continue' : undefined;
  return { kind: 'success', criteria, ...(then ? { then } : {}) };
}

const CREATED_RECORDS = ['sale', 'follow_up', 'request'] as const;

function criterionOf(ctx: BuildContext, node: CstNode): SuccessCriterion {
  const loc = ctx.at.node(node);
  const name = text(tokenOf(node, 'String'));
  if (has(node, 'form')) return { kind: 'form_submitted', form: name, loc };
  if (has(node, 'link')) return { kind: 'link_clicked', loc };
  if (has(node, 'added')) return { kind: 'added_to', target: has(node, 'project') ? 'project' : 'selection', name, loc };
  if (has(node, 'created')) {
    const entity = tokenOf(node, 'Name')?.image ?? '';
    const created = CREATED_RECORDS.find((record) => record === entity);
    if (!created) ctx.error(loc, "success counts 'sale created', 'follow_up created' or 'request created'");
    return { kind: 'record_created', entity: created ?? 'sale', loc };
  }
  const pathNode = childOf(node, 'fieldPath');
  const path = pathOf(pathNode);
  const dot = path.indexOf('.');
  const entity = entityOf(ctx, dot < 0 ? path : path.slice(0, dot), ctx.at.node(pathNode));
  const criterion: SuccessCriterion = { kind: 'field_changed', entity, field: dot < 0 ? '' : path.slice(dot + 1) };
  assignChangeValues(ctx, childOf(node, 'changeValues'), criterion);
  criterion.loc = loc;
  return criterion;
}
