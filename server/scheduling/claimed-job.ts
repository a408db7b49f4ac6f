/** A claimed job as handlers see it. */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  dueAt: Date;
  /** This run's attempt number, from 1. */
  attempt: number;
  maxAttempts: number;
}

/** A job row's payload as stored: jsonb comes back parsed from PostgreSQL, as text from some drivers. */
export function jobPayload(stored: Record<string, unknown> | string): Record<string, unknown> {
  return typeof stored === 'string' ? JSON.parse(stored) : stored;
}
