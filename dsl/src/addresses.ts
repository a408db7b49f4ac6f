// E-mail addresses and phone numbers written in rules (sender, reply_to, quoted recipients):
// parsed as RFC 5322 by a well-kept parser, never with control characters, phone numbers as E.164.
import emailAddresses from 'email-addresses';
import type { Loc, Program } from './ast.js';
import type { CheckContext } from './checker-common.js';

const CONTROL_CHARACTER = /\p{Cc}/u;

import { ADDRESS_PROBLEMS } from './address-problems.js';
import { Remembered } from './remembered.js';

export { ADDRESS_PROBLEMS, type AddressProblem } from './address-problems.js';
const REASON_OF = new Map(Object.entries(ADDRESS_PROBLEMS).map(([key, text]) => [text as string, key]));
/** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Why `text` is not one e-mail address, or undefined when it is. Without `displayName` only the bare
 * address (`ops@example.nl`) is accepted, so what the outbox shows is the envelope recipient; with
 * it a sender may carry a name (`Stroom <noreply@example.nl>`).
 */
export function emailAddressProblem(text: string, options: { displayName?: boolean } = {}): string | undefined {
  if (CONTROL_CHARACTER.test(text)) return ADDRESS_PROBLEMS.email_control;
  const parsed = parsedAddress(text);
  if (!parsed || parsed.type !== 'mailbox') return ADDRESS_PROBLEMS.not_email;
  if (!options.displayName && (parsed.name !== null || parsed.parts.address.tokens.trim() !== text.trim())) return ADDRESS_PROBLEMS.address_alone;
  return undefined;
}

/** The bare address of a mailbox that may carry a name (`Stroom <noreply@example.nl>` gives `noreply@example.nl`). */
export function mailboxAddress(text: string): string | undefined {
  const parsed = parsedAddress(text);
  return parsed?.type === 'mailbox' ? parsed.address : undefined;
}

type ParsedAddress = ReturnType<typeof emailAddresses.parseOneAddress>;

/**
 * One address parsed as RFC 5322, remembered: rules repeat the same few senders and recipients, and
 * every e-mail of a campaign names the same sender; parsing is the dearest part of both checks.
 */
function parsedAddress(text: string): ParsedAddress {
  return PARSED.get(text, (input) => emailAddresses.parseOneAddress({ input, rfc6532: true }));
}

const PARSED = new Remembered<string, ParsedAddress>(2_000);

/** Why `text` is not a phone number in E.164 form (`+31612345678`), or undefined when it is. */
export function phoneNumberProblem(text: string): string | undefined {
  if (CONTROL_CHARACTER.test(text)) return ADDRESS_PROBLEMS.phone_control;
  if (!E164.test(text)) return ADDRESS_PROBLEMS.not_phone;
  return undefined;
}

/** An alphanumeric sender id as SMS networks accept it: 1 to 11 letters and digits. */
const SMS_SENDER_ID = /^[A-Za-z0-9]{1,11}$/;

/** Why `text` cannot be an SMS sender (an alphanumeric id or an E.164 number), or undefined when it can. */
export function smsSenderProblem(text: string): string | undefined {
  if (text.startsWith('+')) return phoneNumberProblem(text);
  return SMS_SENDER_ID.test(text) ? undefined : 'not an SMS sender: up to 11 letters and digits, or a phone number in international form';
}

type Node = { kind?: unknown; loc?: Loc; locs?: Partial<Record<string, Loc>>; [key: string]: unknown };

/** Conditions compare fields with values: they hold no address, and they are most of a rule's tree. */
const CONDITION_KINDS: ReadonlySet<unknown> = new Set(['and', 'or', 'not', 'compare', 'in', 'contains', 'empty', 'changed']);

/** Reports every address in the program that does not parse, at the item that holds it. */
export function checkAddresses(ctx: CheckContext, program: Program): void {
  visitAddresses(ctx, program, undefined, false);
}

// A plain recursive function over `Object.keys`, not a closure over `for … in`: it visits every
// node of every rule checked, and was a third of the checker's time in that form.
function visitAddresses(ctx: CheckContext, value: unknown, loc: Loc | undefined, phone: boolean): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) visitAddresses(ctx, value[i], loc, phone);
    return;
  }
  const node = value as Node;
  const kind = node.kind;
  if (CONDITION_KINDS.has(kind)) return;
  const at = node.loc ?? loc;
  if ((kind === 'sender' || kind === 'reply_to') && typeof node.address === 'string') {
    report(ctx, node.locs?.address ?? at, emailAddressProblem(node.address, { displayName: kind === 'sender' }), node.address);
    return;
  }
  if (kind === 'address' && typeof node.address === 'string') {
    report(ctx, at, phone ? phoneNumberProblem(node.address) : emailAddressProblem(node.address), node.address, phone);
    return;
  }
  const keys = Object.keys(node);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const child = node[key];
    if (child === null || typeof child !== 'object' || key === 'loc' || key === 'locs') continue;
    // The position of the part itself (`to "…"`) where the parser kept one, else the item's.
    visitAddresses(ctx, child, node.locs?.[key] ?? at, kind === 'notify_sms' && key === 'to');
  }
}

function report(ctx: CheckContext, loc: Loc | undefined, problem: string | undefined, text: string, phone = false): void {
  if (problem) ctx.report(loc, 'error', phone ? 'invalid-phone-number' : 'invalid-email-address', { address: text, reason: REASON_OF.get(problem) ?? problem });
}
