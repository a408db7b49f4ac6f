import type { EntityManager } from '@mikro-orm/core';
import type { FlowGraph, FlowNode, Target } from '@stroom/dsl';
import type { AppConfig } from '../../config/config.js';
import { appCalendar, type Calendar } from '../../scheduling/calendar.js';
import type { Facts } from '../../facts/record-facts.js';
import type { OutgoingMessage } from '../../messaging/outbox.js';
import type { TrackedAddress } from '../../tracking/tracking.service.js';
import type { Flow } from '../flow.entity.js';
import type { AwaitedEvent, Participant, ParticipantStatus } from '../participant.entity.js';

/**
 * A participant as the steps see and change it: the entity, or a plain row of the same shape (a
 * batch of step jobs reads its participants as rows and writes their changes in one statement).
 */
export type ParticipantState = Omit<Participant, 'flow' | 'person'> & { flow: { id: string }; person: { id: string } };

/** Everything a step handler may use: the job's transaction and time, the participant and its flow. */
export interface StepRun {
  em: EntityManager;
  now: Date;
  participant: ParticipantState;
  flow: Flow;
  graph: FlowGraph;
  node: FlowNode;
  /** True when the participant arrives at the step; false when its wait ended (time-out, due time). */
  entering: boolean;
  /** The idempotency key of a message this visit sends: flow + participant + step + visit number. */
  messageKey: string;
  personId: string;
  /** The person's facts (person, company, our_contact, service_contact), loaded once per run. */
  facts(): Promise<Facts>;
  /** Forget the loaded facts after a step changed the person. */
  refreshFacts(): void;
  /** Puts a message into the outbox (a batch of steps writes its messages in one statement at the end). */
  send(message: OutgoingMessage, tokens?: TrackedAddress[]): Promise<void>;
  /** Writes messages still held by `send`, for a query that must see them. */
  flushMessages(): Promise<void>;
  /**
   * In a batch of step jobs: holds the person's update for one statement with the batch's other
   * participants' (see `StepOutcome` `held`). Absent when the participant runs alone.
   */
  holdPersonUpdate?(patch: Record<string, unknown>): void;
}

export type Ending = { status: Exclude<ParticipantStatus, 'queued' | 'active'>; reason?: string };

export type StepOutcome =
  /** `held`: the step's write waits for the batch; the participant's walk pauses at `next` until it is written. */
  | { kind: 'next'; next: Target; held?: boolean }
  | { kind: 'wait'; until: Date; waitingFor?: AwaitedEvent }
  | ({ kind: 'end' } & Ending);

export const next = (target: Target): StepOutcome => ({ kind: 'next', next: target });
export const end = (status: Ending['status'], reason?: string): StepOutcome => ({ kind: 'end', status, reason });

/** Ends a participation; a plain completion counts as a success when a criterion was met on the way. */
export function endParticipant(participant: ParticipantState, ending: Ending, now: Date): void {
  participant.status = ending.status === 'completed' && participant.successAt ? 'completed_success' : ending.status;
  participant.reason = ending.reason ?? null;
  participant.waitUntil = null;
  participant.waitingFor = null;
  participant.updatedAt = now;
}

const MAX_NOTES = 20;

/** Notes a problem on the participant (`notes` in the participants list); the last 20 are kept. */
export function addNote(participant: ParticipantState, at: Date, stepId: string, message: string): void {
  participant.notes = [...participant.notes, { at: at.toISOString(), stepId, message: message.slice(0, 1000) }].slice(-MAX_NOTES);
}

/** The flow's calendar: its own `timezone`, else APP_TIMEZONE; workdays and holidays as configured. */
export function flowCalendar(config: Pick<AppConfig, 'appTimezone' | 'holidays'>, graph: FlowGraph): Calendar {
  const calendar = appCalendar(config);
  return graph.settings.timezone ? { ...calendar, zone: graph.settings.timezone } : calendar;
}
