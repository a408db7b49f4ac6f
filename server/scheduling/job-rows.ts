/**
 * The one place outside the runner that knows how a job row is written: modules that create jobs
 * in bulk together with their own rows (participants, messages, webhook calls) compose these
 * statements into theirs, so the job table's columns and defaults live here only.
 */

import type { SqlPart } from '../common/bound-sql.js';

export type { SqlPart };

export interface JobsFromRows {
  /** The rows (a CTE or table name) that get one job each. */
  from: string;
  kind: string;
  /** SQL for the payload per row (a jsonb expression over the rows' columns), e.g. `json_build_object('messageId', "id"::text)::jsonb`. */
  payload: string;
  /** When the jobs are due; `dueAtAtLeast` (SQL over the rows) makes each due at the later of the two. */
  dueAt: Date;
  dueAtAtLeast?: string;
  /** The cancel key per row: this prefix followed by `keyColumn`'s value. */
  cancelKeyPrefix: string;
  keyColumn: string;
  maxAttempts?: number;
  /** Only the rows for which this SQL condition holds. */
  where?: string;
  /** Written already leased (`running`, locked until then) for a run of this instance (see HandOff). */
  leasedUntil?: Date;
  now: Date;
}

const COLUMNS = `"kind", "payload", "due_at", "status", "cancel_key", "attempts", "max_attempts", "created_at"`;

/** `insert into "job" … select … from <rows>`: one pending job per row, to compose into a statement of the caller's. */
export function insertJobsFromRows(jobs: JobsFromRows): SqlPart {
  const due = jobs.dueAtAtLeast ? `greatest(${jobs.dueAtAtLeast}, ?)` : '?';
  const leased = jobs.leasedUntil !== undefined;
  return {
    sql: `insert into "job" (${COLUMNS}${leased ? ', "locked_until"' : ''})
      select ?, ${jobs.payload}, ${due}, '${leased ? 'running' : 'pending'}', ? || ${jobs.keyColumn}, 0, ?, ?${leased ? ', ?' : ''} from ${jobs.from}${jobs.where ? ` where ${jobs.where}` : ''}`,
    params: [jobs.kind, jobs.dueAt, jobs.cancelKeyPrefix, jobs.maxAttempts ?? 5, jobs.now, ...(leased ? [jobs.leasedUntil] : [])],
  };
}

/** One pending job, unless a job of its kind with the same cancel key exists already (in any status). */
export function insertJobOnce(job: { kind: string; payload: Record<string, unknown>; dueAt: Date; cancelKey: string; maxAttempts?: number; now: Date }): SqlPart {
  return {
    sql: `insert into "job" (${COLUMNS})
      select ?, ?::jsonb, ?, 'pending', ?, 0, ?, ? where not exists (select 1 from "job" where "kind" = ? and "cancel_key" = ?)`,
    params: [job.kind, JSON.stringify(job.payload), job.dueAt, job.cancelKey, job.maxAttempts ?? 5, job.now, job.kind, job.cancelKey],
  };
}
