import type { ClaimedJob } from './claimed-job.js';
import type { DetachedRuns, Leased } from './detached-runs.js';

/** A lease for new jobs of a detached kind, taken before they are written. */
export interface NewJobsLease {
  /** What the jobs' `locked_until` must be (their status `running`). */
  lockedUntil: Date;
  /** How many jobs fit in the run. */
  room: number;
  /** The jobs as written: they run once the claim has committed. */
  add(jobs: ClaimedJob[]): void;
}

/**
 * New jobs of a detached kind that a claim's handler writes already leased to this instance, so
 * they run as soon as the claim commits instead of waiting in the queue for another claim (a flow
 * step's e-mails go out without a second trip through the job table). If the claim rolls back the
 * slot is given back and nothing runs; if the instance stops before they run, their lease runs
 * out and they are due again, as after a crash during any run.
 */
export interface HandOff {
  /** A lease for up to `room` new jobs of `kind`, or undefined when that kind has no free run slot (then write them pending). */
  lease(kind: string): NewJobsLease | undefined;
  /** Where the leases taken so far end: what `discard` goes back to when a savepoint rolls back. */
  mark(): number;
  /** Gives back the leases taken since `mark` (their jobs were rolled back): they never run. */
  discard(mark: number): void;
}

/** The hand-offs of one claim: started with the claim's leases after its commit, or released with them. */
export class ClaimHandOff implements HandOff {
  readonly leases: Leased[] = [];

  constructor(private readonly detached: DetachedRuns) {}

  lease(kind: string): NewJobsLease | undefined {
    const reserved = this.detached.reserve(kind);
    if (!reserved) return undefined;
    const { lease, room } = reserved;
    this.leases.push(lease);
    return { lockedUntil: lease.lockedUntil, room, add: (jobs) => lease.jobs.push(...jobs) };
  }

  mark(): number {
    return this.leases.length;
  }

  discard(mark: number): void {
    this.detached.release(this.leases.splice(mark));
  }
}
