import { Inject, Injectable } from '@nestjs/common';
import type { Duration, LeaveAction, WaitEvent } from '@stroom/dsl';
import { DateTime } from 'luxon';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { addTime, type Calendar } from '../../scheduling/calendar.js';
import { TrackingToken } from '../../tracking/tracking-token.entity.js';
import type { LeaveActions } from './leave-actions.js';
import { end, flowCalendar, next, type StepOutcome, type StepRun } from './step-run.js';

/** A wait for an action lasts at most 7 days unless the step says otherwise. */
export const DEFAULT_MAX_WAIT: Duration = { amount: 7, unit: 'days' };

/** Wait (a duration or until a moment) and wait for an action, each ending at an absolute time. */
@Injectable()
export class WaitSteps {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  wait(run: StepRun): StepOutcome {
    const { duration } = run.node.settings as { duration: Duration };
    if (!run.entering) return this.resume(run);
    return this.until(run, addTime(run.now, duration.amount, duration.unit, this.calendar(run)));
  }

  waitUntil(run: StepRun): StepOutcome {
    const { until } = run.node.settings as { until: string };
    if (!run.entering) return this.resume(run);
    // A date-time without an offset is meant in the flow's time zone.
    const at = DateTime.fromISO(until, { zone: this.calendar(run).zone });
    if (!at.isValid) throw new Error(`step ${run.node.id}: "${until}" is not a date-time`);
    return this.until(run, at.toJSDate());
  }

  async waitFor(run: StepRun, leave: LeaveActions): Promise<StepOutcome> {
    const settings = run.node.settings as { event: WaitEvent; atMost?: Duration; onTimeout?: { kind: 'continue' } | { kind: 'leave'; actions: LeaveAction[] } };
    if (run.entering) {
      const awaited = settings.event;
      if (await this.happened(run, awaited)) return next(run.node.next);
      const max = settings.atMost ?? DEFAULT_MAX_WAIT;
      return { kind: 'wait', until: addTime(run.now, max.amount, max.unit, this.calendar(run)), waitingFor: awaited };
    }
    if ((run.participant.waitUntil?.getTime() ?? 0) > run.now.getTime()) return { kind: 'wait', until: run.participant.waitUntil!, waitingFor: run.participant.waitingFor ?? undefined };
    if (settings.onTimeout?.kind !== 'leave') return next(run.node.next);
    await leave.perform(run.em, run.personId, settings.onTimeout.actions, run.now);
    return end('dropout', 'time-out');
  }

  private until(run: StepRun, at: Date): StepOutcome {
    return at.getTime() <= run.now.getTime() ? next(run.node.next) : { kind: 'wait', until: at };
  }

  private resume(run: StepRun): StepOutcome {
    const until = run.participant.waitUntil;
    return until && until.getTime() > run.now.getTime() ? { kind: 'wait', until } : next(run.node.next);
  }

  /** The awaited action may have happened already, e.g. a click during an earlier wait. */
  private async happened(run: StepRun, awaited: WaitEvent): Promise<boolean> {
    const participantId = String(run.participant.id);
    if (awaited.kind === 'form_submitted') {
      const rows: unknown[] = await run.em.getConnection().execute(
        `select 1 from "change_event" where "entity" = 'form' and "kind" = 'submitted' and "data"->>'person_id' = ? and "data"->>'form_key' = ? and "at" >= ? limit 1`,
        [run.personId, awaited.form, run.participant.enrolledAt], 'all', run.em.getTransactionContext());
      return rows.length > 0;
    }
    // A click also proves the e-mail was opened (images are often blocked).
    const kinds = awaited.kind === 'link_clicked' ? ['link'] : ['link', 'open'];
    const where: Record<string, unknown> = { participantId, kind: { $in: kinds }, usedAt: { $ne: null } };
    if (awaited.step) where.stepId = awaited.step;
    return (await run.em.count(TrackingToken, where)) > 0;
  }

  private calendar(run: StepRun): Calendar {
    return flowCalendar(this.config, run.graph);
  }
}
