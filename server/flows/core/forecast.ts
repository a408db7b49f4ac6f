import { conditionHolds, type CompiledSuccessCriterion, type FlowGraph, type FlowNode, type UpdateOperation, type WaitEvent } from '@stroom/dsl';
import { DateTime } from 'luxon';
import type { Calendar } from '../../scheduling/calendar.js';
import { HOLDOUT, assignBranch, experimentBucket, type RandomSettings } from './experiments.js';
import { conditionBranch, onWaitTimeout, personUpdate, waitEnd, waitForTimeout } from './step-decisions.js';

type Json = Record<string, unknown>;

/** A member to forecast: their id and their facts (person, company, our contact, …). */
export interface ForecastPerson {
  id: string;
  facts: Json;
}

export interface ForecastSetup {
  flowId: string;
  graph: FlowGraph;
  /** When everyone enters (the forecast starts now). */
  start: Date;
  days: number;
  calendar: Calendar;
  /** When a send step due at `at` may go out (a send window's next opening), undefined when at once. */
  opening(node: FlowNode, at: Date): Date | undefined;
  /** Why a member may not enter (already in the flow, in an excluding flow, …), undefined when they may. */
  refusal(personId: string): string | undefined;
  /** The status a webhook call is taken to answer (nothing is called). */
  webhookStatus: number;
  /**
   * Assumed behaviour, in percent of the e-mails sent: opened, and clicked (a click is an open too).
   * Who does is decided per person and e-mail step by a stable hash, so a forecast repeats. 0: nobody.
   */
  behaviour?: { opens: number; clicks: number };
}

export interface ForecastDay {
  date: string;
  arrivals: number;
  messages: number;
  finished: number;
}

export interface Forecast {
  persons: number;
  days: number;
  /** Members who enter; the others by reason. */
  admitted: number;
  refused: Record<string, number>;
  /** Arrivals per step over the whole period. */
  perStep: Record<string, number>;
  perDay: ForecastDay[];
  /** How the participants end within the period, and how many are still in the flow at its end. */
  outcomes: { success: number; completed: number; dropout: number; active: number };
  /** Random splits: the share each branch (and the holdout) is set to get, and how many of these members fall in it. */
  splits: { stepId: string; branches: { name: string; planned: number; participants: number; share: number }[] }[];
}

/** A guard against a flow that loops without waiting. */
const MAX_STEPS_PER_PERSON = 500;

type Ending = 'success' | 'completed' | 'dropout';

/**
 * A forecast of a flow for many people: each member walks the compiled step graph on a virtual
 * clock from `start`, as the engine would, with what cannot be known ahead assumed: a given share
 * of the e-mails opened and clicked (none by default), no form submitted (a wait for one runs to its
 * time-out), and a webhook answering `webhookStatus`. Pure: plain inputs, plain counts, nothing stored or sent.
 */
export class FlowForecaster {
  private readonly until: Date;
  private readonly perStep: Record<string, number> = {};
  private readonly perDay: ForecastDay[];
  private readonly outcomes = { success: 0, completed: 0, dropout: 0, active: 0 };
  private readonly refused: Record<string, number> = {};
  private readonly splitCounts = new Map<string, Map<string, number>>();
  private readonly dayStarts: number[];
  private persons = 0;
  private admitted = 0;

  constructor(private readonly setup: ForecastSetup) {
    const first = DateTime.fromJSDate(setup.start, { zone: setup.calendar.zone }).startOf('day');
    this.until = new Date(setup.start.getTime() + setup.days * 86_400_000);
    this.perDay = [];
    this.dayStarts = [];
    for (let i = 0; i < setup.days; i++) {
      const day = first.plus({ days: i });
      this.perDay.push({ date: day.toISODate()!, arrivals: 0, messages: 0, finished: 0 });
      this.dayStarts.push(day.toMillis());
    }
    for (const id of setup.graph.order) if (setup.graph.nodes[id]!.settings['random']) this.splitCounts.set(id, new Map());
  }

  /** Walks one member through the flow and adds them to the counts. */
  async add(person: ForecastPerson): Promise<void> {
    this.persons += 1;
    const reason = await this.refusal(person);
    if (reason) {
      this.refused[reason] = (this.refused[reason] ?? 0) + 1;
      return;
    }
    this.admitted += 1;
    const ending = await this.walk(person);
    if (ending) {
      this.outcomes[ending.kind] += 1;
      this.count(ending.at, 'finished');
    } else {
      this.outcomes.active += 1;
    }
  }

  result(): Forecast {
    return {
      persons: this.persons,
      days: this.setup.days,
      admitted: this.admitted,
      refused: { ...this.refused },
      perStep: { ...this.perStep },
      perDay: this.perDay.map((day) => ({ ...day })),
      outcomes: { ...this.outcomes },
      splits: [...this.splitCounts].map(([stepId, counts]) => {
        const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
        const settings = this.setup.graph.nodes[stepId]!.settings['random'] as RandomSettings;
        const planned = [...settings.shares.map((share) => ({ name: share.branch, percent: share.percent })), ...(settings.holdout ? [{ name: HOLDOUT, percent: settings.holdout }] : [])];
        return {
          stepId,
          branches: planned.map(({ name, percent }) => ({ name, planned: percent / 100, participants: counts.get(name) ?? 0, share: total ? (counts.get(name) ?? 0) / total : 0 })),
        };
      }),
    };
  }

  private async refusal(person: ForecastPerson): Promise<string | undefined> {
    const known = this.setup.refusal(person.id);
    if (known) return known;
    if (this.setup.graph.filter && !(await conditionHolds(this.setup.graph.filter, person.facts))) return 'filter';
    return undefined;
  }

  /** The walk of one participant; the ending within the period, or undefined while still in the flow at its end. */
  private async walk(person: ForecastPerson): Promise<{ kind: Ending; at: Date } | undefined> {
    const { graph } = this.setup;
    const facts: Json = { ...person.facts, person: { ...(person.facts.person as Json) } };
    let at = this.setup.start;
    let nodeId = graph.start;
    let succeeded = false;
    const walked: Walked = { emails: 0, opened: new Set(), clicked: new Set() };
    for (let steps = 0; steps < MAX_STEPS_PER_PERSON; steps++) {
      if (at.getTime() >= this.until.getTime()) return undefined;
      if (nodeId === null) return { kind: succeeded ? 'success' : 'completed', at };
      if (graph.exit && (await conditionHolds(graph.exit.condition, facts))) return { kind: 'dropout', at };
      const node = graph.nodes[nodeId]!;
      this.perStep[node.id] = (this.perStep[node.id] ?? 0) + 1;
      this.count(at, 'arrivals');
      const step = await this.step(node, person.id, facts, at, walked);
      // What happens after the period (a time-out, a send in a later window) is not part of it.
      if (step.at.getTime() >= this.until.getTime()) return undefined;
      if (step.success && !succeeded) {
        succeeded = true;
        if (graph.success?.then === 'stop') return { kind: 'success', at: step.at };
      }
      if ('end' in step) return { kind: step.end === 'completed' && succeeded ? 'success' : step.end, at: step.at };
      at = step.at;
      nodeId = step.next;
    }
    return { kind: 'dropout', at };
  }

  /** What one step does for the participant at `at`: where they go next and when, or how they end. */
  private async step(node: FlowNode, personId: string, facts: Json, at: Date, walked: Walked): Promise<StepResult> {
    const person = facts.person as Json;
    const settings = node.settings;
    switch (node.kind) {
      case 'send_email': {
        const sendAt = this.setup.opening(node, at) ?? at;
        if (!text(person.email)) return { end: 'dropout', at: sendAt };
        walked.emails += 1;
        this.count(sendAt, 'messages');
        const clicked = this.behaves(node, 'clicks', personId);
        if (clicked) walked.clicked.add(node.id);
        if (clicked || this.behaves(node, 'opens', personId)) walked.opened.add(node.id);
        return { next: node.next, at: sendAt, success: clicked && this.succeeds((c) => c.kind === 'link_clicked') };
      }
      case 'send_sms': {
        if (!text(person.mobile)) {
          const ifNoMobile = settings.ifNoMobile as { kind: string } | undefined;
          return ifNoMobile?.kind === 'leave' ? { end: 'dropout', at } : { next: node.next, at };
        }
        const sendAt = this.setup.opening(node, at) ?? at;
        this.count(sendAt, 'messages');
        return { next: node.next, at: sendAt };
      }
      case 'notify_email':
      case 'notify_sms':
        this.count(at, 'messages');
        return { next: node.next, at };
      case 'wait':
      case 'wait_until':
        return { next: node.next, at: later(at, waitEnd(node, at, this.setup.calendar)) };
      case 'wait_for': {
        // An assumed open or click (of an e-mail sent before) ends the wait at once; else it runs to its time-out.
        if (happened(node.settings.event as WaitEvent, walked)) return { next: node.next, at };
        const timeout = waitForTimeout(node, at, this.setup.calendar);
        return onWaitTimeout(node).kind === 'leave' ? { end: 'dropout', at: timeout } : { next: node.next, at: timeout };
      }
      case 'split':
        return this.split(node, personId, facts, at, walked);
      case 'leave':
        return { end: 'completed', at };
      case 'complete':
        return { end: 'completed', at };
      case 'update_person':
        facts.person = personUpdate(person, settings.operations as UpdateOperation[]).after;
        return { next: node.next, at, success: await this.succeedsOnChange(facts) };
      case 'create_sale':
      case 'create_follow_up':
      case 'create_request':
        return { next: node.next, at, success: this.succeeds((c) => c.kind === 'record_created' && `create_${c.entity}` === node.kind) };
      case 'membership': {
        const { change, target, name } = settings as { change: 'add' | 'remove'; target: string; name: string };
        return { next: node.next, at, success: change === 'add' && this.succeeds((c) => c.kind === 'added_to' && c.target === target && c.name === name) };
      }
      default:
        // Scripts, webhooks and distribution change nothing the walk depends on.
        return { next: node.next, at };
    }
  }

  private async split(node: FlowNode, personId: string, facts: Json, at: Date, walked: Walked): Promise<StepResult> {
    const random = node.settings['random'] as RandomSettings | undefined;
    if (random) {
      const branch = assignBranch(random, experimentBucket(this.setup.flowId, personId));
      const counts = this.splitCounts.get(node.id)!;
      counts.set(branch, (counts.get(branch) ?? 0) + 1);
      if (branch === HOLDOUT) return { end: 'completed', at };
      return { next: node.branches?.find((b) => b.name === branch)?.next ?? null, at };
    }
    // Opens and clicks as assumed; nobody submits a form.
    const participant = {
      clicked: walked.clicked.size > 0, opened: walked.opened.size > 0, clicks: walked.clicked.size, opens: walked.opened.size, emails: walked.emails, forms: [],
    };
    const branch = await conditionBranch(node, { ...facts, participant, webhook: webhookFacts(this.setup.graph, this.setup.webhookStatus) });
    return branch.kind === 'next' ? { next: branch.next, at } : { end: 'completed', at };
  }

  /** Whether this person is taken to open (or click) this e-mail step: the share given, by a stable hash. */
  private behaves(node: FlowNode, what: 'opens' | 'clicks', personId: string): boolean {
    const percent = this.setup.behaviour?.[what] ?? 0;
    return percent > 0 && experimentBucket(`${this.setup.flowId}:${what}:${node.id}`, personId) < percent;
  }

  private succeeds(test: (criterion: CompiledSuccessCriterion) => boolean): boolean {
    return this.setup.graph.success?.criteria.some(test) ?? false;
  }

  /** A `field_changed` success criterion on the person, met by the update just made. */
  private async succeedsOnChange(facts: Json): Promise<boolean> {
    for (const criterion of this.setup.graph.success?.criteria ?? []) {
      if (criterion.kind === 'field_changed' && criterion.entity === 'person' && (await conditionHolds(criterion.condition, facts))) return true;
    }
    return false;
  }

  private count(at: Date, what: 'arrivals' | 'messages' | 'finished'): void {
    const day = this.dayOf(at);
    if (day !== undefined) this.perDay[day]![what] += 1;
  }

  private dayOf(at: Date): number | undefined {
    const ms = at.getTime();
    if (ms >= this.until.getTime()) return undefined;
    // Binary search: the last day that starts at or before `at`.
    let low = 0;
    let high = this.dayStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.dayStarts[mid]! <= ms) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** What the walk of one participant keeps beside the facts: the e-mail steps sent, opened and clicked. */
interface Walked {
  emails: number;
  opened: Set<string>;
  clicked: Set<string>;
}

type StepResult = ({ next: string | null } | { end: Ending }) & { at: Date; success?: boolean };

/** What a split on `webhook.<label>.status` sees: every call of the flow answered with `status`. */
function webhookFacts(graph: FlowGraph, status: number): Json {
  const facts: Json = {};
  for (const id of graph.order) {
    if (graph.nodes[id]!.kind === 'call_webhook') facts[id] = { status };
  }
  return facts;
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

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
