import type { FlowNode, LeaveAction } from '@stroom/dsl';
import { filledText } from './message-parties.js';

type Json = Record<string, unknown>;

/**
 * What the send steps decide, as pure functions of the step and the person's facts: to which
 * address, whether the contact policy has a say, what an SMS step does for a person without a
 * mobile number, and where a message the policy held back leaves the participant. The engine's
 * MessageSteps and the simulation's walk both follow these.
 */

/** The person's address for a send step's channel, or null when there is none (an e-mail then fails: a dropout). */
export function recipient(person: Json, channel: 'email' | 'sms'): string | null {
  return filledText(channel === 'email' ? person.email : person.mobile);
}

/** Whether the contact policy decides on this message: a marketing message (not `transactional`) to an address. */
export function policyApplies(node: FlowNode, address: string | null): boolean {
  return address !== null && !node.settings.transactional;
}

/** An SMS step for a person without a mobile number: skip to the next step, or leave with these actions. */
export function withoutMobile(node: FlowNode): { kind: 'skip' } | { kind: 'leave'; actions: LeaveAction[] } {
  const ifNoMobile = node.settings.ifNoMobile as { kind: 'skip' } | { kind: 'leave'; actions: LeaveAction[] } | undefined;
  return ifNoMobile?.kind === 'leave' ? ifNoMobile : { kind: 'skip' };
}

/** The contact policy's answer for a message not sent now: wait on the step until it may go, or go on without it. */
export type HeldBack = { kind: 'defer'; until: Date; reason: string } | { kind: 'skip'; reason: string };

/** What the participant does with a message held back, and the note saying why. */
export function heldBack(answer: HeldBack, channel: 'email' | 'sms', node: FlowNode): { note: string; wait?: Date; next?: string | null } {
  const what = channel === 'email' ? 'e-mail' : 'SMS';
  if (answer.kind === 'defer') return { note: `${what} deferred until ${answer.until.toISOString()} by the contact policy (${answer.reason})`, wait: answer.until };
  return { note: `${what} skipped by the contact policy (${answer.reason})`, next: node.next };
}
