import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { PolicyChannel } from '@stroom/dsl';
import { MarketingLedger } from '../messaging/marketing-ledger.js';
import { ContactPolicies } from './contact-policies.js';
import { ContactDecision } from './contact-policy.entity.js';
import type { CompiledContactPolicy } from '@stroom/dsl';
import { decideContact, limitsAnything, lookBackStart, type Contact } from './core/contact-rules.js';

/** The first key of the per-person advisory locks ("poly"): the second is the person's id, hashed. */
const LOCK_SPACE = 0x706f6c79;

export interface ContactRequest {
  personId: string;
  channel: PolicyChannel;
  /** The person's time zone (else the application's). */
  zone: string;
  now: Date;
  flowId: string;
  participantId: string;
  stepId: string;
  messageKey: string;
  /** True when the message was held back before (its participant waited on the step): its note tells why. */
  resumed: boolean;
  /** The flow's own `when limited`, over the policy's. */
  whenLimited?: 'defer' | 'skip';
}

export type ContactAnswer =
  | { kind: 'send'; note: string | null }
  | { kind: 'defer'; until: Date; reason: string }
  | { kind: 'skip'; reason: string };

/**
 * The contact policy at the moment a flow sends: may this marketing message go to the person now?
 * It takes a per-person advisory lock in the sender's transaction before counting, and the
 * transaction writes the message before it commits: a second instance deciding for the same
 * person waits and then counts that message, so no two can both send the last one allowed.
 */
@Injectable()
export class ContactGate {
  /** Messages allowed in a transaction but not yet written (a batch writes its messages at the end). */
  private readonly pending = new WeakMap<object, Map<string, Contact[]>>();

  constructor(
    private readonly policies: ContactPolicies,
    private readonly ledger: MarketingLedger,
  ) {}

  async check(em: EntityManager, request: ContactRequest): Promise<ContactAnswer> {
    const policy = await this.policies.current(em);
    if (!limitsAnything(policy)) return { kind: 'send', note: await this.noteOf(em, request) };
    await this.lockPeople(em, [request.personId]);
    const pending = this.pendingOf(em, request.personId);
    const history = [...(await this.ledger.marketingSince(em, request.personId, lookBackStart(policy, request.now, request.zone))), ...pending];
    const verdict = decideContact(policy, history, request.channel, request.now, request.zone);
    if (verdict.kind === 'send') {
      pending.push({ at: request.now, channel: request.channel });
      return { kind: 'send', note: await this.noteOf(em, request) };
    }
    const reason = verdict.rules.join('; ');
    const status = (request.whenLimited ?? policy.whenLimited) === 'skip' ? 'skipped' : 'deferred';
    em.persist(em.create(ContactDecision, {
      personId: request.personId, at: request.now, channel: request.channel, status, reason, until: status === 'deferred' ? verdict.until : null,
      flowId: request.flowId, participantId: request.participantId, stepId: request.stepId, messageKey: request.messageKey,
    }));
    return status === 'skipped' ? { kind: 'skip', reason } : { kind: 'defer', until: verdict.until, reason };
  }

  /**
   * For a simulation: the policy and the person's marketing messages that can still limit one sent
   * from `from` on, to decide with `decideContact` in memory (nothing locked, nothing written).
   */
  async planFor(em: EntityManager, personId: string | undefined, from: Date, zone: string): Promise<{ policy: CompiledContactPolicy; history: Contact[] }> {
    const policy = await this.policies.current(em);
    if (!limitsAnything(policy) || personId === undefined) return { policy, history: [] };
    return { policy, history: await this.ledger.marketingSince(em, personId, lookBackStart(policy, from, zone)) };
  }

  /**
   * Takes the people's locks in one order (by the lock's key), so that a batch of steps for several
   * people never waits in a circle with another instance's batch; taking a lock held already is free.
   */
  async lockPeople(em: EntityManager, personIds: readonly string[]): Promise<void> {
    const policy = await this.policies.current(em);
    if (!limitsAnything(policy) || personIds.length === 0) return;
    await em.getConnection().execute(
      `select pg_advisory_xact_lock(?::int, "key") from (select distinct hashtext("p") as "key" from unnest(?::text[]) as t("p")) as keys order by "key"`,
      [LOCK_SPACE, `{${[...new Set(personIds)].join(',')}}`], 'all', em.getTransactionContext());
  }

  private pendingOf(em: EntityManager, personId: string): Contact[] {
    const transaction = em.getTransactionContext<object>();
    if (!transaction) return [];
    let byPerson = this.pending.get(transaction);
    if (!byPerson) this.pending.set(transaction, (byPerson = new Map()));
    let contacts = byPerson.get(personId);
    if (!contacts) byPerson.set(personId, (contacts = []));
    return contacts;
  }

  /** "deferred at … until …: <rules>" when the policy held this message back before. */
  private async noteOf(em: EntityManager, request: ContactRequest): Promise<string | null> {
    if (!request.resumed) return null;
    const deferral = await em.findOne(ContactDecision, { messageKey: request.messageKey, status: 'deferred' }, { orderBy: { id: 'asc' } });
    return deferral ? `deferred at ${deferral.at.toISOString()} by the contact policy (${deferral.reason})` : null;
  }
}
