// Checks of the flow settings on entering and leaving (date triggers, exit, restart) and of the
// webhook step: what checker-flow.ts hands over for these kinds.
import type { CallWebhookStep, Condition, FlowSetting, FlowSettingsView, FlowTrigger, Loc, Step } from './ast.js';
import { checkVariables, mergeVariablesIn, type CheckContext, type RecordScope } from './checker-common.js';
import { fieldTypeOf } from './checker-conditions.js';
import { closest } from './suggest.js';

export const MAX_WEBHOOK_TIMEOUT_MS = 30_000;
/** Headers the service sets itself. */
const RESERVED_HEADERS = new Set(['idempotency-key', 'content-type', 'content-length', 'host', 'transfer-encoding', 'connection']);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** A date trigger's field must be a date (or a free-form extra field holding one). */
export function checkDateTrigger(ctx: CheckContext, trigger: FlowTrigger, loc: Loc | undefined): void {
  if (trigger.kind !== 'date' && trigger.kind !== 'yearly') return;
  const path = `${trigger.entity}.${trigger.field}`;
  const type = fieldTypeOf(ctx, path, undefined, loc);
  if (type && type !== 'date' && type !== 'any') ctx.report(loc, 'error', 'date-trigger-field', { path });
}

export function checkEntryRules(ctx: CheckContext, setting: FlowSetting, settings: FlowSettingsView): void {
  if (setting.kind !== 'restart') return;
  if (settings.oncePerPerson) ctx.report(setting.loc, 'error', 'restart-and-once', {});
  if (setting.afterDays < 1) ctx.report(setting.loc, 'error', 'restart-days', {});
}

/** A yearly trigger with `once per person` would enrol only the first year. */
export function checkYearlyOnce(ctx: CheckContext, settings: FlowSettingsView, loc: Loc | undefined): void {
  if (settings.oncePerPerson && settings.triggers.some((trigger) => trigger.kind === 'yearly')) {
    ctx.report(loc, 'warning', 'yearly-once', {});
  }
}

export function checkWebhook(ctx: CheckContext, step: CallWebhookStep, scope: RecordScope): void {
  const loc = step.loc;
  const urlLoc = step.locs?.url ?? loc;
  checkVariables(ctx, mergeVariablesIn(step.url), scope, 'the address', urlLoc, step.id);
  if (!isWebAddress(step.url)) ctx.report(urlLoc, 'error', 'webhook-url', {}, step.id);
  for (const header of step.headers) {
    if (!HEADER_NAME.test(header.name) || RESERVED_HEADERS.has(header.name.toLowerCase())) {
      ctx.report(loc, 'error', 'webhook-header-name', { name: header.name }, step.id);
    }
    const secrets = ctx.catalog?.secretNames?.();
    if (secrets && !secrets.includes(header.secret)) {
      // Like content not there yet: the flow saves, but cannot start until the secret is configured.
      ctx.report(loc, ctx.mode === 'start' ? 'error' : 'warning', 'unknown-secret', { name: header.secret }, step.id, closest(header.secret, secrets));
    }
  }
  if (step.body !== undefined) {
    const bodyLoc = step.locs?.body ?? loc;
    if (step.method === 'GET') ctx.report(bodyLoc, 'error', 'webhook-get-body', {}, step.id);
    checkVariables(ctx, mergeVariablesIn(step.body), scope, 'the body', bodyLoc, step.id);
    const problem = jsonProblem(step.body);
    if (problem) ctx.report(bodyLoc, 'error', 'webhook-body-json', { detail: problem }, step.id);
  }
  if (step.timeoutMs !== undefined && (step.timeoutMs < 1 || step.timeoutMs > MAX_WEBHOOK_TIMEOUT_MS)) {
    ctx.report(loc, 'error', 'webhook-timeout', {}, step.id);
  }
}

/** `webhook.<label>.status` in a split must name a webhook step. */
export function checkWebhookLabels(ctx: CheckContext, condition: Condition, labels: ReadonlyMap<string, Step>, stepId: string | undefined): void {
  for (const { field, loc } of fieldsOf(condition)) {
    if (!field.startsWith('webhook.')) continue;
    const label = field.split('.')[1] ?? '';
    if (labels.get(label)?.kind === 'call_webhook') continue;
    const webhooks = [...labels].filter(([, step]) => step.kind === 'call_webhook').map(([name]) => name);
    ctx.report(loc, 'error', 'not-a-webhook-step', { name: label }, stepId, closest(label, webhooks));
  }
}

function fieldsOf(condition: Condition, into: { field: string; loc: Loc | undefined }[] = []): { field: string; loc: Loc | undefined }[] {
  switch (condition.kind) {
    case 'and': case 'or': for (const operand of condition.operands) fieldsOf(operand, into); break;
    case 'not': fieldsOf(condition.operand, into); break;
    default: into.push({ field: condition.field, loc: condition.loc });
  }
  return into;
}

/** The address with its merge variables filled in must be an http(s) address. */
function isWebAddress(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    new URL(withoutLiquid(url, 'x'));
    return true;
  } catch {
    return false;
  }
}

/** Tags and outputs of Liquid replaced, so the rest can be checked as JSON or an address. */
function withoutLiquid(text: string, output: string): string {
  return text.replace(/\{%-?[\s\S]*?-?%\}/g, '').replace(/\{\{-?[\s\S]*?-?\}\}/g, output);
}

/** Why the body is not JSON (each merge variable counted as a value), or undefined when it is. */
function jsonProblem(body: string): string | undefined {
  try {
    JSON.parse(withoutLiquid(body, '0'));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
