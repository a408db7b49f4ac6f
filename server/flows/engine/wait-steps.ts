import { Inject, Injectable } from '@nestjs/common';
import type { WaitEvent } from '@stroom/dsl';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { Calendar } from '../../scheduling/calendar.js';
import { onWaitTimeout, waitEnd, waitForTimeout } from '../core/step-decisions.js';
import { TrackingService } from '../../tracking/tracking.service.js';
import type { LeaveActions } from './leave-actions.js';
import { end, flowCalendar, next, type StepOutcome, type StepRun } from './step-run.js';

/** Wait (a duration or until a moment) and wait for an action, each ending at an absolute time. */
@Injectable()
export class WaitSteps {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tracking: TrackingService,
  ) {}

  wait(run: StepRun): StepOutcome {
    if (!run.entering) return this.resume(run);
    return this.until(run, waitEnd(run.node, run.now, this.calendar(run)));
  }

  waitUntil(run: StepRun): StepOutcome {
    if (!run.entering) return this.resume(run);
    return this.until(run, waitEnd(run.node, run.now, this.calendar(run)));
  }

  async waitFor(run: StepRun, leave: LeaveActions): Promise<StepOutcome> {
    const awaited = run.node.settings.event as WaitEvent;
    if (run.entering) {
      if (await this.happened(run, awaited)) return next(run.node.next);
      return { kind: 'wait', until: waitForTimeout(run.node, run.now, this.calendar(run)), waitingFor: awaited };
    }
    if ((run.participant.waitUntil?.getTime() ?? 0) > run.now.getTime()) return { kind: 'wait', until: run.participant.waitUntil!, waitingFor: run.participant.waitingFor ?? undefined };
    const onTimeout = onWaitTimeout(run.node);
    if (onTimeout.kind !== 'leave') return next(run.node.next);
    await leave.perform(run.em, run.personId, onTimeout.actions, run.now);
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
    return this.tracking.participantUsed(run.em, participantId, awaited.kind === 'link_clicked' ? ['link'] : ['link', 'open'], awaited.step);
  }

  private calendar(run: StepRun): Calendar {
    return flowCalendar(this.config, run.graph);
  }
}
