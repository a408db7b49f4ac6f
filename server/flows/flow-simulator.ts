import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import pLimit from 'p-limit';
import { z } from 'zod';
import { Clock } from '../clock/clock.js';
import { BadInputError } from '../common/errors.js';
import { parseInput, recordId } from '../common/validation.js';
import type { BaseRecord } from '../records/base-record.js';
import { PERSON_RECORDS } from '../crm/persons/person-records.js';
import type { RecordService } from '../records/record.service.js';
import { JobScheduler } from '../scheduling/job-scheduler.js';
import { Enrolment } from './enrolment.js';
import { FlowStepRunner } from './engine/step-runner.js';
import { FLOW_SCRIPT_JOB, ScriptSteps } from './engine/script-steps.js';
import { FLOW_STEP_JOB } from './engine/step-jobs.js';
import type { Flow } from './flow.entity.js';
import { WEBHOOK_DELIVER_JOB, WebhookOutbox } from '../webhooks/webhook-outbox.js';
import { DateTriggerScan } from './date-triggers/date-trigger-scan.js';
import { FlowGraphs } from './engine/flow-graphs.js';
import { FlowForecasts } from './flow-forecast.js';

/** The answer a simulated webhook call is taken to get (nothing is called). */
const webhookStatus = z.number().int().min(100).max(599).default(200);
const simulateBody = z.union([
  z.strictObject({ personId: recordId, days: z.number().int().min(1).max(366).default(30), webhookStatus }),
  z.strictObject({ person: z.record(z.string(), z.unknown()), days: z.number().int().min(1).max(366).default(30), webhookStatus }),
  z.strictObject({
    selectionId: recordId, days: z.number().int().min(1).max(366).default(90), webhookStatus,
    // Assumed shares of the e-mails opened and clicked, in percent (a click is an open too).
    opens: z.number().min(0).max(100).default(0), clicks: z.number().min(0).max(100).default(0),
  }),
]);
type PersonSimulation = Exclude<z.infer<typeof simulateBody>, { selectionId: string }>;

/** A guard: a flow of waits and steps cannot take more runs than this in one simulation. */
const MAX_RUNS = 1000;
/**
 * How long a simulation may hold its transaction (ms); past it, it stops and says so
 * (`truncated`). On the embedded database every other request waits while it runs (one
 * connection), and a request that takes the connection twice (a read, then its transaction) may
 * wait for simulations in turn more than once: measured under load, a probe waited up to
 * 1.3 s with 400 ms budgets, so the budget stays well under half a second. On a server it holds one
 * pooled connection and the simulated person's row.
 */
export const SIMULATION_BUDGET_MS = { embedded: 250, postgresql: 5000 } as const;
/**
 * One simulation at a time per instance: a request waits for one budget at most, never for a
 * queue of simulations each holding the embedded database's one connection, or the row of the
 * person they simulate, in turn.
 */
const SIMULATIONS_AT_ONCE = 1;

/** The simulation used up its budget at this (virtual) time. */
class BudgetSpent extends Error {
  constructor(readonly at: Date) {
    super('simulation budget spent');
  }
}

class RolledBack extends Error {
  constructor(readonly result: unknown) {
    super('simulation rolled back');
  }
}

/**
 * `POST /api/flows/:id/simulate`: the real engine walks one person through the flow on a virtual
 * clock inside a transaction that is always rolled back — the path, the messages it would get and
 * the changes it would cause, with nothing stored and nothing sent.
 */
@Injectable()
export class FlowSimulator {
  private readonly gate = pLimit(SIMULATIONS_AT_ONCE);
  /** Forecasts hold no transaction but take the CPU in slices: one at a time, apart from single simulations. */
  private readonly forecastGate = pLimit(1);

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly enrolment: Enrolment,
    private readonly steps: FlowStepRunner,
    private readonly scripts: ScriptSteps,
    private readonly webhooks: WebhookOutbox,
    private readonly dates: DateTriggerScan,
    private readonly graphs: FlowGraphs,
    private readonly forecasts: FlowForecasts,
    private readonly jobs: JobScheduler,
    @Inject(PERSON_RECORDS) private readonly people: RecordService<BaseRecord>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One person (`personId`, or `person` made up for the run) walks the real engine; a selection
   * (`selectionId`) is forecast on the pure core (counts per step and per day).
   */
  async simulate(find: (em: EntityManager) => Promise<Flow>, body: unknown) {
    const input = parseInput(simulateBody, body ?? {});
    if ('selectionId' in input) {
      const flow = await find(this.em.fork({ clear: true }));
      return this.forecastGate(() => this.forecasts.forecast(flow, input));
    }
    return this.gate(() => this.simulateNow(find, input));
  }

  private async simulateNow(find: (em: EntityManager) => Promise<Flow>, input: PersonSimulation) {
    try {
      await this.em.fork().transactional(async (em) => {
        throw new RolledBack(await this.run(em, await find(em), input));
      });
    } catch (error) {
      if (error instanceof RolledBack) return error.result;
      throw error;
    }
    throw new Error('unreachable');
  }

  private async run(em: EntityManager, flow: Flow, input: PersonSimulation) {
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    const deadline = Date.now() + SIMULATION_BUDGET_MS[this.config.database];
    let start = this.clock.now();
    const until = new Date(start.getTime() + input.days * 86_400_000);
    const [{ last, lastMessage, lastCall }] = await connection.execute(
      `select (select max("id") from "change_event") as "last", (select max("id") from "message") as "lastMessage", (select max("id") from "webhook_call") as "lastCall"`,
      [], 'all', tx) as [{ last: string | null; lastMessage: string | null; lastCall: string | null }];
    const lastJob = await this.jobs.lastId(em);
    const personId = 'personId' in input ? input.personId : String((await this.people.createIn(em, input.person)).id);
    if ((await connection.execute(`select 1 from "person" where "id" = ?`, [personId], 'all', tx)).length === 0) {
      throw new BadInputError(`personId: no person with id ${personId}`, { field: 'personId' }, { code: 'person.unknown_ids', params: { field: 'personId', ids: [personId] } });
    }
    // A flow enrolled only by dates starts its walk on the day the person's date enrols them.
    const graph = this.graphs.of(flow);
    const dated = graph.triggers.length > 0 && graph.triggers.every((t) => t.kind === 'date' || t.kind === 'yearly');
    let enrolsOn: string | undefined;
    if (dated) {
      const zone = this.dates.zone;
      enrolsOn = (await this.dates.nextEnrolments(em, graph, personId, DateTime.fromJSDate(start, { zone }).toISODate()!))[0]?.enrolsOn;
      const day = enrolsOn ? DateTime.fromISO(enrolsOn, { zone }).startOf('day').toJSDate() : undefined;
      if (!day || day > until) return { admitted: false, refusedReason: 'no_date_in_range', steps: [], messages: [], changes: [], webhooks: [] };
      if (day > start) start = day;
    }
    flow.status = 'running';
    const admission = await this.enrolment.admit(em, flow, personId, start);
    if (admission !== 'enrolled') return { admitted: false, refusedReason: admission, steps: [], messages: [], changes: [], webhooks: [] };

    const [participant] = await connection.execute(`select "id" from "participant" where "flow_id" = ? and "person_id" = ? order by "id" desc limit 1`,
      [flow.id, personId], 'all', tx) as [{ id: string }];
    const participantId = String(participant!.id);
    const steps: { at: string; stepId: string; kind: string }[] = [];
    let truncatedAt: string | undefined;
    for (let runs = 0; runs < MAX_RUNS; runs++) {
      await em.flush();
      const left = deadline - Date.now();
      // Only the simulated participant's own work: the flow's real participants' jobs are due in
      // the same table, and running them here would mix their steps into this person's path.
      const claimed = await this.jobs.takeNext(em, lastJob, until, {
        sql: `("kind" in (?, ?) and "payload"->>'participantId' = ?)
          or ("kind" = ? and "payload"->>'callId' in (select "id"::text from "webhook_call" where "participant_id" = ?))`,
        params: [FLOW_STEP_JOB, FLOW_SCRIPT_JOB, participantId, WEBHOOK_DELIVER_JOB, participantId],
      });
      if (!claimed) break;
      if (left <= 0) {
        truncatedAt = new Date(Math.max(claimed.dueAt.getTime(), start.getTime())).toISOString();
        break;
      }
      const now = new Date(Math.max(claimed.dueAt.getTime(), start.getTime()));
      const context = { em, now, attempt: 1, lastAttempt: true };
      // A script may use what is left of the budget, no more (a real run is not bound by it).
      if (claimed.kind === FLOW_SCRIPT_JOB) await this.scripts.execute(claimed, context, { timeoutMs: Math.max(1, left) });
      else if (claimed.kind === WEBHOOK_DELIVER_JOB) await this.webhooks.settleAs(em, String(claimed.payload.callId), input.webhookStatus, now);
      else {
        try {
          await this.steps.run(claimed, context, (step) => {
            // Also within a run of many steps: the step about to start is where it stops.
            if (Date.now() > deadline) throw new BudgetSpent(step.at);
            steps.push({ at: step.at.toISOString(), stepId: step.stepId, kind: step.kind });
          });
        } catch (error) {
          if (!(error instanceof BudgetSpent)) throw error;
          truncatedAt = error.at.toISOString();
          break;
        }
      }
    }
    await em.flush();
    const messages: { channel: string; to: string | null; subject: string | null; body: string }[] = await connection.execute(
      `select "channel", "to", "subject", "body" from "message" where "id" > ? and "person_id" = ? order by "id"`, [lastMessage ?? 0, personId], 'all', tx);
    const changes: { entity: string; entity_id: string; kind: string; changes: unknown; data: unknown }[] = await connection.execute(
      `select "entity", "entity_id", "kind", "changes", "data" from "change_event" where "id" > ?
       and (("entity" = 'person' and "entity_id" = ?) or "data"->>'person_id' = ? or "changes"->'person_id'->>'to' = ?) order by "id"`,
      [last ?? 0, personId, personId, personId], 'all', tx);
    const webhooks: { step_id: string; method: string; url: string; body: string | null }[] = await connection.execute(
      `select "step_id", "method", "url", "body" from "webhook_call" where "id" > ? and "person_id" = ? order by "id"`, [lastCall ?? 0, personId], 'all', tx);
    return {
      admitted: true,
      ...(enrolsOn ? { enrolsOn } : {}),
      ...(truncatedAt ? { truncated: true, truncatedAt } : {}),
      steps,
      messages: messages.map((m) => ({ channel: m.channel, to: m.to, subject: m.subject, body: m.body })),
      changes: changes.map((c) => ({ entity: c.entity, entityId: String(c.entity_id), kind: c.kind, changes: c.changes, data: c.data })),
      webhooks: webhooks.map((w) => ({ stepId: w.step_id, method: w.method, url: w.url, body: w.body, status: input.webhookStatus })),
    };
  }
}
