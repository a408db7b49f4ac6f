import type { EntityManager } from '@mikro-orm/core';
import { sqlArray } from '../../common/sql-array.js';
import type { ParticipantState } from './step-run.js';
import { executeBound } from '../../common/bound-sql.js';

type Row = Record<string, unknown>;

/** The columns a step may change, by property: what `write` compares and writes. */
const CHANGEABLE = {
  status: { column: 'status', read: `c->>'status'` },
  stepId: { column: 'step_id', read: `c->>'step_id'` },
  reason: { column: 'reason', read: `c->>'reason'` },
  seq: { column: 'seq', read: `(c->>'seq')::int` },
  path: { column: 'path', read: `c->'path'` },
  visits: { column: 'visits', read: `(c->>'visits')::int` },
  waitUntil: { column: 'wait_until', read: `(c->>'wait_until')::timestamptz` },
  waitingFor: { column: 'waiting_for', read: `nullif(c->'waiting_for', 'null'::jsonb)` },
  successAt: { column: 'success_at', read: `(c->>'success_at')::timestamptz` },
  experiments: { column: 'experiments', read: `c->'experiments'` },
  webhooks: { column: 'webhooks', read: `c->'webhooks'` },
  notes: { column: 'notes', read: `c->'notes'` },
  updatedAt: { column: 'updated_at', read: `(c->>'updated_at')::timestamptz` },
} as const satisfies Partial<Record<keyof ParticipantState, { column: string; read: string }>>;

type Changeable = keyof typeof CHANGEABLE;
const PROPERTIES = Object.keys(CHANGEABLE) as Changeable[];

/** Only the columns a participant's change names are set; the others keep what the row has. */
const UPDATE = `update "participant" p set
  ${PROPERTIES.map((property) => { const { column, read } = CHANGEABLE[property]; return `"${column}" = case when jsonb_exists(v.c, '${column}') then ${read.replaceAll('c->', 'v.c->')} else p."${column}" end`; }).join(',\n  ')}
  from (select (x->>'id')::bigint as "id", x->'c' as c from jsonb_array_elements(?::jsonb) as x) v
  where p."id" = v."id"`;

const date = (value: unknown): Date | null => (value == null ? null : new Date(value as string));
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
/** What a property's value is compared by: a time by its instant, an object (path, notes, …) by its JSON. */
const comparable = (value: unknown): unknown => (value instanceof Date ? value.getTime() : typeof value === 'object' && value !== null ? JSON.stringify(value) : (value ?? null));

/**
 * A batch's participants as plain rows instead of ORM entities: locked and read in one query, and
 * whatever the steps changed written in one statement whenever the batch's entity manager flushes
 * (so a query after a flush sees a participant that just left, as it would see a flushed entity).
 */
export class ParticipantRows {
  private readonly written = new Map<ParticipantState, unknown[]>();

  private constructor(
    private readonly em: EntityManager,
    readonly participants: ParticipantState[],
  ) {
    for (const participant of participants) this.written.set(participant, PROPERTIES.map((p) => comparable(participant[p])));
  }

  /** Locks the participants (in id order, as every flow transaction does) and reads them. */
  static async lock(em: EntityManager, ids: readonly string[]): Promise<ParticipantRows> {
    const rows: Row[] = await em.getConnection().execute(
      `select * from "participant" where "id" = any(?::bigint[]) order by "id" asc for update`, [sqlArray(ids)], 'all', em.getTransactionContext());
    return new ParticipantRows(em, rows.map(participantOf));
  }

  /** Writes what changed since the last write, in one statement; nothing when nothing changed. */
  async write(): Promise<void> {
    const changes: { id: string; c: Record<string, unknown> }[] = [];
    for (const [participant, before] of this.written) {
      const now = PROPERTIES.map((p) => comparable(participant[p]));
      const c: Record<string, unknown> = {};
      PROPERTIES.forEach((property, i) => { if (now[i] !== before[i]) c[CHANGEABLE[property].column] = participant[property] ?? null; });
      if (Object.keys(c).length === 0) continue;
      changes.push({ id: participant.id, c });
      this.written.set(participant, now);
    }
    if (changes.length === 0) return;
    await executeBound(this.em, UPDATE, [JSON.stringify(changes)]);
  }
}

function participantOf(row: Row): ParticipantState {
  return {
    id: String(row.id),
    flow: { id: String(row.flow_id) },
    person: { id: String(row.person_id) },
    status: row.status as ParticipantState['status'],
    stepId: (row.step_id as string | null) ?? null,
    reason: (row.reason as string | null) ?? null,
    seq: Number(row.seq),
    path: json(row.path),
    visits: Number(row.visits),
    waitUntil: date(row.wait_until),
    waitingFor: json(row.waiting_for) ?? null,
    successAt: date(row.success_at),
    experiments: json(row.experiments),
    webhooks: json(row.webhooks),
    notes: json(row.notes),
    enrolledAt: date(row.enrolled_at)!,
    updatedAt: date(row.updated_at)!,
  };
}
