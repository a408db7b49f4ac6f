import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';

interface Row {
  id: string;
  person_id: string;
  status: string;
  step_id: string | null;
  reason: string | null;
  enrolled_at: Date;
  updated_at: Date;
  wait_until: Date | null;
  success_at: Date | null;
  notes: unknown;
  experiments: unknown;
  webhooks: unknown;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  message_id: string | null;
  message_channel: string | null;
  message_subject: string | null;
  message_status: string | null;
  message_at: Date | null;
  total: string;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The participants tab: one query, paged on the server, fine with 100,000 participants. */
@Injectable()
export class ParticipantList {
  async page(em: EntityManager, flowId: string, q: { status?: string; stepId?: string; limit: number; offset: number }) {
    const where = ['p."flow_id" = ?'];
    const params: unknown[] = [flowId];
    if (q.status) { where.push('p."status" = ?'); params.push(q.status); }
    if (q.stepId) { where.push('p."step_id" = ?'); params.push(q.stepId); }
    const rows: Row[] = await em.getConnection().execute(
      `select p."id", p."person_id", p."status", p."step_id", p."reason", p."enrolled_at", p."updated_at", p."wait_until", p."success_at", p."notes", p."experiments", p."webhooks",
              pe."email", pe."first_name", pe."last_name", c."name" as "company",
              m."id" as "message_id", m."channel" as "message_channel", m."subject" as "message_subject", m."status" as "message_status",
              coalesce(m."sent_at", m."created_at") as "message_at", count(*) over () as "total"
       from "participant" p
       join "person" pe on pe."id" = p."person_id"
       left join "company" c on c."id" = pe."company_id"
       left join lateral (select * from "message" where "participant_id" = p."id"::text order by "id" desc limit 1) m on true
       where ${where.join(' and ')} order by p."id" limit ? offset ?`,
      [...params, q.limit, q.offset]);
    const total = rows[0] ? Number(rows[0].total) : await this.count(em, where, params);
    return {
      items: rows.map((r) => ({
        id: String(r.id), personId: String(r.person_id), email: r.email, name: [r.first_name, r.last_name].filter(Boolean).join(' '), company: r.company,
        status: r.status, stepId: r.step_id, reason: r.reason, enrolledAt: iso(r.enrolled_at), updatedAt: iso(r.updated_at),
        waitUntil: iso(r.wait_until), successAt: iso(r.success_at), notes: typeof r.notes === 'string' ? JSON.parse(r.notes) : r.notes,
        experiments: typeof r.experiments === 'string' ? JSON.parse(r.experiments) : r.experiments ?? {},
        webhooks: typeof r.webhooks === 'string' ? JSON.parse(r.webhooks) : r.webhooks,
        lastMessage: r.message_id ? { id: String(r.message_id), channel: r.message_channel, subject: r.message_subject, status: r.message_status, at: iso(r.message_at) } : null,
      })),
      total,
    };
  }

  /** Participants per status for each listed flow (the list and tile views). */
  async countsPerFlow(em: EntityManager, flowIds: string[]): Promise<Map<string, Record<string, number>>> {
    const counts = new Map<string, Record<string, number>>();
    if (flowIds.length === 0) return counts;
    const rows: { flow_id: string; status: string; n: string }[] = await em.getConnection().execute(
      `select "flow_id", "status", count(*) as "n" from "participant" where "flow_id" in (${flowIds.map(() => '?').join(', ')}) group by 1, 2`, flowIds);
    for (const row of rows) {
      const entry = counts.get(String(row.flow_id)) ?? {};
      entry[row.status] = Number(row.n);
      counts.set(String(row.flow_id), entry);
    }
    return counts;
  }

  private async count(em: EntityManager, where: string[], params: unknown[]): Promise<number> {
    const rows: { n: string }[] = await em.getConnection().execute(`select count(*) as "n" from "participant" p where ${where.join(' and ')}`, params);
    return Number(rows[0]?.n ?? 0);
  }
}
