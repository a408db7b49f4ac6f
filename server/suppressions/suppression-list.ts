import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import type { SuppressionReason } from './suppression.entity.js';

/** Soft bounces in a row after which an address is suppressed. */
export const SOFT_BOUNCE_LIMIT = 3;

export const normalAddress = (address: string): string => address.trim().toLowerCase();

/**
 * The suppression list, always written in the caller's transaction (a bounce suppresses together
 * with the message it failed). The first reason stays: suppressing again changes nothing.
 */
@Injectable()
export class SuppressionList {
  constructor(private readonly clock: Clock) {}

  /** Suppresses the address; true when it was not suppressed before. */
  async suppress(em: EntityManager, address: string, reason: SuppressionReason): Promise<boolean> {
    const rows = await em.getConnection().execute<unknown[]>(
      `insert into "suppression" ("address", "reason", "created_at") values (?, ?, ?) on conflict ("address") do nothing returning "address"`,
      [normalAddress(address), reason, this.clock.now()], 'all', em.getTransactionContext());
    await this.resetStreaks(em, [address]);
    return rows.length > 0;
  }

  async remove(em: EntityManager, address: string): Promise<boolean> {
    const removed = await em.getConnection().execute<unknown[]>(
      `delete from "suppression" where "address" = ? returning "address"`, [normalAddress(address)], 'all', em.getTransactionContext());
    await this.resetStreaks(em, [address]);
    return removed.length > 0;
  }

  /** The reason of each suppressed address among `addresses` (keyed by the lower-cased address). */
  async reasons(em: EntityManager, addresses: Iterable<string>): Promise<Map<string, SuppressionReason>> {
    const wanted = [...new Set([...addresses].map(normalAddress))];
    if (wanted.length === 0) return new Map();
    const rows = await em.getConnection().execute<{ address: string; reason: SuppressionReason }[]>(
      `select "address", "reason" from "suppression" where "address" in (select json_array_elements_text(?::json))`, [JSON.stringify(wanted)], 'all', em.getTransactionContext());
    return new Map(rows.map((r: { address: string; reason: SuppressionReason }) => [r.address, r.reason]));
  }

  /** Counts a soft bounce; the SOFT_BOUNCE_LIMIT-th in a row suppresses the address (`soft_bounces`). */
  async softBounce(em: EntityManager, address: string): Promise<void> {
    const [row] = await em.getConnection().execute<{ count: number }[]>(
      `insert into "soft_bounce_streak" ("address", "count", "updated_at") values (?, 1, ?)
       on conflict ("address") do update set "count" = "soft_bounce_streak"."count" + 1, "updated_at" = excluded."updated_at" returning "count"`,
      [normalAddress(address), this.clock.now()], 'all', em.getTransactionContext());
    if (row && row.count >= SOFT_BOUNCE_LIMIT) await this.suppress(em, address, 'soft_bounces');
  }

  /** A delivery ends the addresses' streaks of soft bounces. */
  async resetStreaks(em: EntityManager, addresses: Iterable<string>): Promise<void> {
    const wanted = [...new Set([...addresses].map(normalAddress))];
    if (wanted.length === 0) return;
    await em.getConnection().execute(`delete from "soft_bounce_streak" where "address" in (select json_array_elements_text(?::json))`, [JSON.stringify(wanted)], 'run', em.getTransactionContext());
  }
}
