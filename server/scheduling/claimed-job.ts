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
