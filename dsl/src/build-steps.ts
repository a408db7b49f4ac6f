// Flow steps from what their rules read: the checks that need a whole step (given twice, missing,
// not allowed here). The rules are in grammar-steps.ts.
import type { IToken } from 'chevrotain';
import type {
  DistributeStep, Loc, NotifyEmailStep, NotifySmsStep, RunScriptStep, SendEmailStep, SendSmsStep, Step, WaitEvent,
  WaitForStep,
} from './ast.js';
import { duplicates, text, withPart, type BuildContext } from './build-context.js';
import { durationOf, partyOf, wholeNumber, withLeaveActions, type DurationParts, type LeaveBlock, type PartyParts } from './build-parts.js';
import type { SendParts } from './grammar-send.js';

export interface StepBlock {
  steps: Step[];
  open: IToken;
  close: IToken;
}

/** Gives `owner` the steps of a `{ … }` block; the block may be absent. */
export function withSteps(ctx: BuildContext, block: StepBlock | undefined, owner: { steps: Step[]; endComments?: string[] }): void {
  owner.steps = block ? block.steps : [];
  if (block) ctx.scope(block.open, block.close, owner, owner.steps);
}

export function sendStepOf(ctx: BuildContext, parts: SendParts): SendEmailStep | SendSmsStep {
  for (const recipient of parts.recipients) {
    ctx.error(recipient.loc, 'flow-send-recipient');
  }
  if (parts.channel === 'email') {
    for (const option of parts.noMobile) ctx.error(option.loc, 'no-mobile-not-sms');
    duplicates(ctx, parts.subjects.map((subject) => ctx.token(subject)), 'the subject');
    const step: SendEmailStep = { kind: 'send_email', template: parts.template ?? '', attachments: parts.attachments.map(text) };
    if (parts.subjects[0]) step.subject = text(parts.subjects[0]);
    if (transactional(ctx, parts)) step.transactional = true;
    return withPart(step, 'template', parts.keyLoc);
  }
  const step: SendSmsStep = {
    kind: 'send_sms',
    message: parts.template !== undefined ? { kind: 'template', template: parts.template } : { kind: 'text', text: parts.smsText ?? '' },
  };
  if (transactional(ctx, parts)) step.transactional = true;
  duplicates(ctx, parts.noMobile.map((option) => option.loc), "'if no mobile'");
  duplicates(ctx, parts.senders.map((sender) => ctx.token(sender)), "'from'");
  if (parts.senders[0]) withPart(Object.assign(step, { from: text(parts.senders[0]) }), 'from', ctx.token(parts.senders[0]));
  const noMobile = parts.noMobile[0];
  if (noMobile) {
    step.ifNoMobile = noMobile.skip ? { kind: 'skip' } : withLeaveActions(ctx, noMobile.leave, { kind: 'leave' as const });
  }
  return withPart(step, parts.template !== undefined ? 'template' : 'text', parts.keyLoc);
}

function transactional(ctx: BuildContext, parts: SendParts): boolean {
  duplicates(ctx, parts.transactional.map((token) => ctx.token(token)), "'transactional'");
  return parts.transactional.length > 0;
}

/** `among "…", "…"`, `group "…"` or `fallback "…"`, in source order. */
export interface DistributeOption {
  keyword: 'among' | 'group' | 'fallback' | 'if_unassigned';
  keywordLoc?: Loc;
  strings: IToken[];
}

export function distributeOf(ctx: BuildContext, options: readonly DistributeOption[], loc: Loc | undefined): DistributeStep {
  const locsOf = (keyword: DistributeOption['keyword']) => options.filter((o) => o.keyword === keyword).map((o) => o.keywordLoc);
  const amongs = locsOf('among');
  const groups = locsOf('group');
  duplicates(ctx, amongs, "'among'");
  duplicates(ctx, groups, "'group'");
  duplicates(ctx, locsOf('fallback'), "'fallback'");
  duplicates(ctx, locsOf('if_unassigned'), "'if unassigned'");
  if (amongs.length > 0 && groups.length > 0) ctx.error(loc, 'distribute-both');
  if (amongs.length === 0 && groups.length === 0) ctx.missingPart(loc, 'distribute-missing-pool');
  const group = options.find((o) => o.keyword === 'group');
  const fallback = options.find((o) => o.keyword === 'fallback');
  const step: DistributeStep = groups.length > 0 && amongs.length === 0
    ? { kind: 'distribute', pool: { kind: 'group', name: text(group?.strings[0]) } }
    : { kind: 'distribute', pool: { kind: 'employees', emails: amongEmails(options) } };
  if (fallback) step.fallback = text(fallback.strings[0]);
  if (options.some((o) => o.keyword === 'if_unassigned')) step.onlyIfUnassigned = true;
  return step;
}

/** The texts from the first `among` up to the next `group` or `fallback`. */
function amongEmails(options: readonly DistributeOption[]): string[] {
  const emails: string[] = [];
  const start = options.findIndex((o) => o.keyword === 'among');
  if (start < 0) return emails;
  for (let i = start; i < options.length && options[i]!.keyword === 'among'; i++) {
    for (const token of options[i]!.strings) emails.push(text(token));
  }
  return emails;
}

export interface ScriptLimit {
  keyword: 'timeout' | 'memory';
  keywordLoc?: Loc;
  amount: IToken;
}

export function runScriptOf(ctx: BuildContext, source: string, sourceLoc: Loc | undefined, limits: readonly ScriptLimit[]): RunScriptStep {
  const step: RunScriptStep = { kind: 'run_script', source };
  const timeouts = limits.filter((limit) => limit.keyword === 'timeout');
  const memories = limits.filter((limit) => limit.keyword === 'memory');
  duplicates(ctx, timeouts.map((limit) => limit.keywordLoc), "'timeout'");
  duplicates(ctx, memories.map((limit) => limit.keywordLoc), "'memory'");
  if (timeouts[0]) step.timeoutMs = wholeNumber(ctx, timeouts[0].amount, 'milliseconds');
  if (memories[0]) step.memoryMb = wholeNumber(ctx, memories[0].amount, 'megabytes');
  return withPart(step, 'source', sourceLoc);
}

export type NotifySetting = { kind: 'to'; party: PartyParts } | { kind: 'template' | 'text' | 'subject' | 'from'; token: IToken };

export function notifyOf(ctx: BuildContext, isEmail: boolean, settings: readonly NotifySetting[], loc: Loc | undefined): NotifyEmailStep | NotifySmsStep {
  const recipients: PartyParts[] = [];
  const tokens: Record<'template' | 'text' | 'subject' | 'from', IToken[]> = { template: [], text: [], subject: [], from: [] };
  for (const setting of settings) {
    if (setting.kind === 'to') recipients.push(setting.party);
    else tokens[setting.kind].push(setting.token);
  }
  duplicates(ctx, recipients.map((recipient) => recipient.loc), "'to'");
  if (recipients.length === 0) ctx.missingPart(loc, 'notify-missing-recipient');
  const to = partyOf(ctx, recipients[0], ['our_contact', 'service_contact'], "'notify … to'",
    isEmail ? 'a quoted e-mail address' : 'a quoted phone number');
  const locsOf = (list: IToken[]) => list.map((token) => ctx.token(token));
  duplicates(ctx, locsOf(tokens.template), 'the template');
  duplicates(ctx, locsOf(tokens.text), 'the text');
  duplicates(ctx, locsOf(tokens.subject), 'the subject');
  duplicates(ctx, locsOf(tokens.from), "'from'");
  if (isEmail) return notifyEmailOf(ctx, to, tokens, loc);
  for (const extra of tokens.template) ctx.error(ctx.token(extra), 'notify-sms-template');
  for (const extra of tokens.subject) ctx.error(ctx.token(extra), 'notify-sms-subject');
  if (tokens.text.length === 0) ctx.missingPart(loc, 'notify-sms-missing-text');
  const step: NotifySmsStep = { kind: 'notify_sms', to, text: text(tokens.text[0]) };
  if (tokens.from[0]) withPart(Object.assign(step, { from: text(tokens.from[0]) }), 'from', ctx.token(tokens.from[0]));
  return withPart(step, 'text', ctx.token(tokens.text[0]));
}

/** A template, or a subject and a text of its own: one or the other. */
function notifyEmailOf(ctx: BuildContext, to: NotifyEmailStep['to'], tokens: Record<'template' | 'text' | 'subject' | 'from', IToken[]>, loc: Loc | undefined): NotifyEmailStep {
  for (const extra of tokens.from) ctx.error(ctx.token(extra), 'notify-email-from');
  const [template] = tokens.template;
  const [subject] = tokens.subject;
  const [body] = tokens.text;
  if (template && (subject || body)) ctx.error(ctx.token(subject ?? body), 'notify-email-text');
  if (!template && !subject && !body) ctx.missingPart(loc, 'notify-email-missing-template');
  else if (!template && (!subject || !body)) ctx.missingPart(loc, subject ? 'notify-email-missing-text' : 'notify-email-missing-subject');
  if (template) return withPart({ kind: 'notify_email', to, template: text(template) }, 'template', ctx.token(template));
  const step: NotifyEmailStep = { kind: 'notify_email', to, subject: text(subject), text: text(body) };
  withPart(step, 'subject', ctx.token(subject));
  return withPart(step, 'text', ctx.token(body));
}

/** `at most …` or `else continue` / `else leave { … }` (null: continue). */
export type WaitOption =
  | { kind: 'most'; duration: DurationParts; loc?: Loc }
  | { kind: 'else'; leave: LeaveBlock | undefined | null; loc?: Loc };

export function waitForOf(ctx: BuildContext, event: WaitEvent, reference: IToken | undefined, options: readonly WaitOption[]): WaitForStep {
  const step: WaitForStep = { kind: 'wait_for', event };
  const maxima = options.filter((option) => option.kind === 'most');
  const elses = options.filter((option) => option.kind === 'else');
  duplicates(ctx, maxima.map((option) => option.loc), "'at most'");
  duplicates(ctx, elses.map((option) => option.loc), "'else'");
  if (maxima[0]) step.atMost = durationOf(ctx, maxima[0].duration);
  if (elses[0]) {
    step.onTimeout = elses[0].leave === null
      ? { kind: 'continue' }
      : withLeaveActions(ctx, elses[0].leave, { kind: 'leave' as const });
  }
  return withPart(step, 'step', ctx.token(reference));
}
