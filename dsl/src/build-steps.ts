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
    return withPart(step, 'template', parts.keyLoc);
  }
  const step: SendSmsStep = {
    kind: 'send_sms',
    message: parts.template !== undefined ? { kind: 'template', template: parts.template } : { kind: 'text', text: parts.smsText ?? '' },
  };
  duplicates(ctx, parts.noMobile.map((option) => option.loc), "'if no mobile'");
  const noMobile = parts.noMobile[0];
  if (noMobile) {
    step.ifNoMobile = noMobile.skip ? { kind: 'skip' } : withLeaveActions(ctx, noMobile.leave, { kind: 'leave' as const });
  }
  return withPart(step, parts.template !== undefined ? 'template' : 'text', parts.keyLoc);
}

/** `among "…", "…"`, `group "…"` or `fallback "…"`, in source order. */
export interface DistributeOption {
  keyword: 'among' | 'group' | 'fallback';
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
  if (amongs.length > 0 && groups.length > 0) ctx.error(loc, 'distribute-both');
  if (amongs.length === 0 && groups.length === 0) ctx.missingPart(loc, 'distribute-missing-pool');
  const group = options.find((o) => o.keyword === 'group');
  const fallback = options.find((o) => o.keyword === 'fallback');
  const step: DistributeStep = groups.length > 0 && amongs.length === 0
    ? { kind: 'distribute', pool: { kind: 'group', name: text(group?.strings[0]) } }
    : { kind: 'distribute', pool: { kind: 'employees', emails: amongEmails(options) } };
  if (fallback) step.fallback = text(fallback.strings[0]);
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

export type NotifySetting = { kind: 'to'; party: PartyParts } | { kind: 'template' | 'text'; token: IToken };

export function notifyOf(ctx: BuildContext, isEmail: boolean, settings: readonly NotifySetting[], loc: Loc | undefined): NotifyEmailStep | NotifySmsStep {
  const recipients: PartyParts[] = [];
  const templates: IToken[] = [];
  const texts: IToken[] = [];
  for (const setting of settings) {
    if (setting.kind === 'to') recipients.push(setting.party);
    else (setting.kind === 'template' ? templates : texts).push(setting.token);
  }
  duplicates(ctx, recipients.map((recipient) => recipient.loc), "'to'");
  if (recipients.length === 0) ctx.missingPart(loc, 'notify-missing-recipient');
  const to = partyOf(ctx, recipients[0], ['our_contact', 'service_contact'], "'notify … to'",
    isEmail ? 'a quoted e-mail address' : 'a quoted phone number');
  const locsOf = (tokens: IToken[]) => tokens.map((token) => ctx.token(token));
  if (isEmail) {
    for (const extra of texts) ctx.error(ctx.token(extra), 'notify-email-text');
    duplicates(ctx, locsOf(templates), 'the template');
    if (templates.length === 0) ctx.missingPart(loc, 'notify-email-missing-template');
    return withPart({ kind: 'notify_email', to, template: text(templates[0]) }, 'template', ctx.token(templates[0]));
  }
  for (const extra of templates) ctx.error(ctx.token(extra), 'notify-sms-template');
  duplicates(ctx, locsOf(texts), 'the text');
  if (texts.length === 0) ctx.missingPart(loc, 'notify-sms-missing-text');
  return withPart({ kind: 'notify_sms', to, text: text(texts[0]) }, 'text', ctx.token(texts[0]));
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
