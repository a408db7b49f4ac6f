import { conditionHolds, type CompiledSuccessCriterion, type FlowGraph, type FlowNode, type LeaveAction, type UpdateOperation, type WaitEvent } from '@stroom/dsl';
import type { Calendar } from '../../scheduling/calendar.js';
import { distributes } from './crm-decisions.js';
import { policyApplies, recipient, withoutMobile } from './send-decisions.js';
import { HOLDOUT, assignBranch, experimentBucket, type RandomSettings } from './experiments.js';
import { conditionBranch, onWaitTimeout, personUpdate, waitEnd, waitForTimeout } from './step-decisions.js';

type Json = Record<string, unknown>;
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

export type Ending = 'success' | 'completed' | 'dropout';
export type Channel = 'email' | 'sms';

/** The contact policy's answer for a marketing message due now. */
export type ContactVerdict = { kind: 'send' } | { kind: 'defer'; until: Date } | { kind: 'skip' };

/**
 * What a walk reports as it goes, and what it asks of the world around it. Every member is
 * optional: without them a walk assumes what the forecast does (every message can be rendered and
 * may go, scripts and distribution change nothing).
 */
export interface WalkHooks {
  /** The participant arrives at a step. */
  arrive?(node: FlowNode, at: Date): void;
  /** A random split put the participant in this branch (or the holdout). */
  branch?(node: FlowNode, branch: string): void;
  /** The contact policy, for a marketing message that may go now. */
  contact?(node: FlowNode, channel: Channel, at: Date): ContactVerdict;
  /**
   * A message goes out (`deliverable` false: the person has no address, it fails). Answers false
   * when it cannot be rendered: like a failed delivery, the participant drops out.
   */
  message?(node: FlowNode, channel: Channel, at: Date, facts: Json, deliverable: boolean): Promise<boolean> | boolean;
  /**
   * The person's data changed (an update step, a script, distribution): the changed fields
   * (snake_case) as a change event holds them. May answer the facts around the person afresh (a
   * new our contact or company), as the engine reloads them after a change.
   */
  updated?(node: FlowNode, at: Date, before: Json, after: Json, changes: FieldChanges): Promise<Json | void> | Json | void;
  /** A create-sale, -follow-up or -request step creates its record. */
  created?(node: FlowNode, at: Date, facts: Json): Promise<void> | void;
  /** An add-to / remove-from selection or project step. */
  membership?(node: FlowNode, at: Date): void;
  /** The actions of a way out (move to another flow, add to a selection). */
  leaving?(node: FlowNode, at: Date, actions: readonly LeaveAction[]): void;
  /** A webhook step calls; answers the status it is taken to get (else the walk's `webhookStatus`). */
  webhook?(node: FlowNode, at: Date, facts: Json): Promise<number | undefined> | number | undefined;
  /** A script step runs: the person's field updates it returns (snake_case), or nothing. */
  script?(node: FlowNode, at: Date, facts: Json): Promise<Json | undefined> | Json | undefined;
  /** A distribute step: the employee id the person's our contact becomes, or nothing. */
  distribute?(node: FlowNode, at: Date, facts: Json): Promise<string | undefined> | string | undefined;
}

export interface WalkSetup {
  flowId: string;
  graph: FlowGraph;
  calendar: Calendar;
  /** When a send step due at `at` may go out (a send window's next opening), undefined when at once. */
  opening(node: FlowNode, at: Date): Date | undefined;
  /** The status a webhook call is taken to answer (nothing is called). */
  webhookStatus: number;
  /** Random splits whose winner the flow picked already (step id → branch): everyone goes there. */
  winners?: Readonly<Record<string, string>>;
  /**
   * Assumed behaviour, in percent of the e-mails sent: opened, and clicked (a click is an open too).
   * Who does is decided per person and e-mail step by a stable hash, so a walk repeats. 0: nobody.
   */
  behaviour?: { opens: number; clicks: number };
}

/** How a walk ends within its period: an ending, still in the flow (`active`), or stopped at the step cap (a loop without waiting). */
export type WalkResult = { kind: Ending; at: Date } | { kind: 'active' } | { kind: 'capped'; at: Date };

/** A guard: no walk takes more steps than this. */
export const MAX_STEPS_PER_PERSON = 500;

/** What the walk of one participant keeps beside the facts: the e-mail steps sent, opened and clicked, the webhooks answered. */
interface Walked {
  emails: number;
  opened: Set<string>;
  clicked: Set<string>;
  webhooks: Record<string, { status: number }>;
}

type StepResult = ({ next: string | null } | { end: Ending } | { stay: true }) & { at: Date; success?: boolean };

/**
 * One participant's walk through a compiled flow on a virtual clock, as the engine would take it,
 * with what cannot be known ahead assumed: a given share of the e-mails opened and clicked (none by
 * default), no form submitted (a wait for one runs to its time-out), and webhooks answering as the
 * hooks say. Pure: plain inputs; what happens is told to the hooks, nothing is stored or sent.
 * The forecast walks every member of a selection with counting hooks; the one-person simulation
 * walks one with hooks that render the messages and describe the changes.
 */
export class FlowWalker {
  constructor(private readonly setup: WalkSetup) {}

  /** Whether the person may enter by the flow's filter (the other refusals are the caller's). */
  async passesFilter(facts: Json): Promise<boolean> {
    return !this.setup.graph.filter || (await conditionHolds(this.setup.graph.filter, facts));
  }

  /** Walks one participant from `start` until `until` (exclusive). */
  async walk(personId: string, personFacts: Json, start: Date, until: Date, hooks: WalkHooks = {}): Promise<WalkResult> {
    const { graph } = this.setup;
    hooks = withinPeriod(hooks, until);
    const facts: Json = { ...personFacts, person: { ...(personFacts.person as Json) } };
    let at = start;
    let nodeId = graph.start;
    let entering = true;
    let succeeded = false;
    const walked: Walked = { emails: 0, opened: new Set(), clicked: new Set(), webhooks: {} };
    for (let steps = 0; steps < MAX_STEPS_PER_PERSON; steps++) {
      if (at.getTime() >= until.getTime()) return { kind: 'active' };
      if (nodeId === null) return { kind: succeeded ? 'success' : 'completed', at };
      // As the engine re-checks before each step: a person who unsubscribed drops out.
      if ((facts.person as Json).unsubscribed === true) return { kind: 'dropout', at };
      if (graph.exit && (await conditionHolds(graph.exit.condition, facts))) {
        hooks.leaving?.(graph.nodes[nodeId]!, at, graph.exit.actions);
        return { kind: 'dropout', at };
      }
      const node = graph.nodes[nodeId]!;
      if (entering) hooks.arrive?.(node, at);
      const step = await this.step(node, personId, facts, at, walked, hooks);
      // What happens after the period (a time-out, a send in a later window) is not part of it.
      if (step.at.getTime() >= until.getTime()) return { kind: 'active' };
      if (step.success && !succeeded) {
        succeeded = true;
        if (graph.success?.then === 'stop') return { kind: 'success', at: step.at };
      }
      if ('end' in step) return { kind: step.end === 'completed' && succeeded ? 'success' : step.end, at: step.at };
      at = step.at;
      entering = !('stay' in step);
      if ('next' in step) nodeId = step.next;
    }
    return { kind: 'capped', at };
  }

  /** What one step does for the participant at `at`: where they go next and when, or how they end. */
  private async step(node: FlowNode, personId: string, facts: Json, at: Date, walked: Walked, hooks: WalkHooks): Promise<StepResult> {
    const person = facts.person as Json;
    const settings = node.settings;
    switch (node.kind) {
      case 'send_email': {
        const sendAt = this.setup.opening(node, at) ?? at;
        const address = recipient(person, 'email');
        const deliverable = address !== null;
        if (policyApplies(node, address)) {
          const verdict = hooks.contact?.(node, 'email', sendAt) ?? { kind: 'send' };
          if (verdict.kind === 'defer') return { stay: true, at: verdict.until };
          if (verdict.kind === 'skip') return { next: node.next, at: sendAt };
        }
        const rendered = (await hooks.message?.(node, 'email', sendAt, facts, deliverable)) ?? true;
        if (!deliverable || !rendered) return { end: 'dropout', at: sendAt };
        walked.emails += 1;
        const clicked = this.behaves(node, 'clicks', personId);
        if (clicked) walked.clicked.add(node.id);
        if (clicked || this.behaves(node, 'opens', personId)) walked.opened.add(node.id);
        return { next: node.next, at: sendAt, success: clicked && this.succeeds((c) => c.kind === 'link_clicked') };
      }
      case 'send_sms': {
        // As the engine: a send step waits for its window first, then looks at the number.
        const sendAt = this.setup.opening(node, at) ?? at;
        const mobile = recipient(person, 'sms');
        if (mobile === null) {
          const without = withoutMobile(node);
          if (without.kind === 'skip') return { next: node.next, at: sendAt };
          hooks.leaving?.(node, sendAt, without.actions);
          return { end: 'dropout', at: sendAt };
        }
        if (policyApplies(node, mobile)) {
          const verdict = hooks.contact?.(node, 'sms', sendAt) ?? { kind: 'send' };
          if (verdict.kind === 'defer') return { stay: true, at: verdict.until };
          if (verdict.kind === 'skip') return { next: node.next, at: sendAt };
        }
        const rendered = (await hooks.message?.(node, 'sms', sendAt, facts, true)) ?? true;
        return rendered ? { next: node.next, at: sendAt } : { end: 'dropout', at: sendAt };
      }
      case 'notify_email':
      case 'notify_sms': {
        const rendered = (await hooks.message?.(node, node.kind === 'notify_email' ? 'email' : 'sms', at, facts, true)) ?? true;
        return rendered ? { next: node.next, at } : { end: 'dropout', at };
      }
      case 'wait':
      case 'wait_until':
        return { next: node.next, at: later(at, waitEnd(node, at, this.setup.calendar)) };
      case 'wait_for': {
        // An assumed open or click (of an e-mail sent before) ends the wait at once; else it runs to its time-out.
        if (happened(node.settings.event as WaitEvent, walked)) return { next: node.next, at };
        const timeout = waitForTimeout(node, at, this.setup.calendar);
        const onTimeout = onWaitTimeout(node);
        if (onTimeout.kind === 'continue') return { next: node.next, at: timeout };
        hooks.leaving?.(node, timeout, onTimeout.actions);
        return { end: 'dropout', at: timeout };
      }
      case 'split':
        return this.split(node, personId, facts, at, walked, hooks);
      case 'leave':
        hooks.leaving?.(node, at, (settings.actions ?? []) as LeaveAction[]);
        return { end: 'completed', at };
      case 'complete':
        return { end: 'completed', at };
      case 'update_person':
        return this.changePerson(node, facts, at, personUpdate(person, settings.operations as UpdateOperation[]).after, hooks);
      case 'create_sale':
      case 'create_follow_up':
      case 'create_request':
        await hooks.created?.(node, at, facts);
        return { next: node.next, at, success: this.succeeds((c) => c.kind === 'record_created' && `create_${c.entity}` === node.kind) };
      case 'membership': {
        const { change, target, name } = settings as { change: 'add' | 'remove'; target: string; name: string };
        hooks.membership?.(node, at);
        return { next: node.next, at, success: change === 'add' && this.succeeds((c) => c.kind === 'added_to' && c.target === target && c.name === name) };
      }
      case 'call_webhook': {
        const status = (await hooks.webhook?.(node, at, facts)) ?? this.setup.webhookStatus;
        walked.webhooks[node.id] = { status };
        return { next: node.next, at };
      }
      case 'run_script': {
        const updates = await hooks.script?.(node, at, facts);
        if (updates && Object.keys(updates).length > 0) return this.changePerson(node, facts, at, { ...person, ...updates }, hooks);
        return { next: node.next, at };
      }
      case 'distribute': {
        if (!distributes(settings.onlyIfUnassigned as boolean | undefined, person)) return { next: node.next, at };
        const ownerId = await hooks.distribute?.(node, at, facts);
        if (ownerId && ownerId !== String(person.our_contact_id ?? '')) return this.changePerson(node, facts, at, { ...person, our_contact_id: ownerId }, hooks);
        return { next: node.next, at };
      }
      default:
        return { next: node.next, at };
    }
  }

  /** The person's facts become `after` (an update step, a script, distribution); a change meets a `field_changed` success criterion. */
  private async changePerson(node: FlowNode, facts: Json, at: Date, after: Json, hooks: WalkHooks): Promise<StepResult> {
    const before = facts.person as Json;
    const changes = fieldChanges(before, after);
    facts.person = after;
    if (Object.keys(changes).length === 0) return { next: node.next, at };
    const refreshed = await hooks.updated?.(node, at, before, after, changes);
    if (refreshed) Object.assign(facts, refreshed, { person: after });
    return { next: node.next, at, success: await this.succeedsOnChange(facts, changes) };
  }

  private async split(node: FlowNode, personId: string, facts: Json, at: Date, walked: Walked, hooks: WalkHooks): Promise<StepResult> {
    const random = node.settings['random'] as RandomSettings | undefined;
    if (random) {
      const branch = this.setup.winners?.[node.id] ?? assignBranch(random, experimentBucket(this.setup.flowId, personId));
      hooks.branch?.(node, branch);
      if (branch === HOLDOUT) return { end: 'completed', at };
      return { next: node.branches?.find((b) => b.name === branch)?.next ?? null, at };
    }
    // Opens and clicks as assumed; nobody submits a form.
    const participant = {
      clicked: walked.clicked.size > 0, opened: walked.opened.size > 0, clicks: walked.clicked.size, opens: walked.opened.size, emails: walked.emails, forms: [],
    };
    const branch = await conditionBranch(node, { ...facts, participant, webhook: walked.webhooks });
    if (branch.kind === 'next') return { next: branch.next, at };
    hooks.leaving?.(node, at, branch.actions);
    return { end: 'completed', at };
  }

  /** Whether this person is taken to open (or click) this e-mail step: the share given, by a stable hash. */
  private behaves(node: FlowNode, what: 'opens' | 'clicks', personId: string): boolean {
    const percent = this.setup.behaviour?.[what] ?? 0;
    return percent > 0 && experimentBucket(`${this.setup.flowId}:${what}:${node.id}`, personId) < percent;
  }

  private succeeds(test: (criterion: CompiledSuccessCriterion) => boolean): boolean {
    return this.setup.graph.success?.criteria.some(test) ?? false;
  }

  /** A `field_changed` success criterion on the person, met by the change just made (seen as its change event). */
  private async succeedsOnChange(facts: Json, changes: FieldChanges): Promise<boolean> {
    const withEvent = { ...facts, event: { entity: 'person', id: (facts.person as Json).id, kind: 'updated', changes } };
    for (const criterion of this.setup.graph.success?.criteria ?? []) {
      if (criterion.kind === 'field_changed' && criterion.entity === 'person' && (await conditionHolds(criterion.condition, withEvent))) return true;
    }
    return false;
  }
}

/** The fields that differ between two versions of a record's facts, as a change event lists them. */
function fieldChanges(before: Json, after: Json): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'id' || key === 'full_name') continue;
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

/**
 * The hooks told only of what happens within the period: a send in a later window or a time-out
 * after it is not part of the walk (the walk ends there, still in the flow).
 */
function withinPeriod(hooks: WalkHooks, until: Date): WalkHooks {
  const within = (at: Date) => at.getTime() < until.getTime();
  return {
    ...hooks,
    message: hooks.message && ((node, channel, at, facts, deliverable) => (within(at) ? hooks.message!(node, channel, at, facts, deliverable) : true)),
    leaving: hooks.leaving && ((node, at, actions) => (within(at) ? hooks.leaving!(node, at, actions) : undefined)),
  };
}

/** Whether what a `wait for` step awaits has happened in the walk so far (a click proves an open). */
function happened(event: WaitEvent, walked: Walked): boolean {
  if (event.kind === 'form_submitted') return false;
  const seen = event.kind === 'link_clicked' ? walked.clicked : walked.opened;
  return event.step ? seen.has(event.step) : seen.size > 0;
}

function later(a: Date, b: Date): Date {
  return b.getTime() > a.getTime() ? b : a;
}
