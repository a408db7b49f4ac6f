import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import pLimit from 'p-limit';
import { Clock } from '../clock/clock.js';
import { BadInputError } from '../common/errors.js';
import type { BaseRecord } from '../records/base-record.js';
import { PERSON_RECORDS } from '../crm/persons/person-records.js';
import type { RecordService } from '../records/record.service.js';
import { RecordFacts } from '../facts/record-facts.js';
import { FlowWalker } from './core/walk.js';
import { Enrolment } from './enrolment.js';
import { SCRIPT_LIMITS } from './engine/script-sandbox.js';
import { SendWindows } from './engine/send-windows.js';
import { flowCalendar } from './engine/step-run.js';
import type { Flow } from './flow.entity.js';
import { DateTriggerScan } from './date-triggers/date-trigger-scan.js';
import { FlowGraphs } from './engine/flow-graphs.js';
import { FlowForecasts } from './flow-forecast.js';
import type { PersonSimulation, SimulateBody } from './flow-input.js';
import { FlowPersonWalk } from './flow-person-walk.js';
import { pickedWinners } from './experiment-counts.js';

/** The time a simulation's scripts may take together (ms); a script gets what is left of it. */
const SCRIPT_BUDGET_MS = SCRIPT_LIMITS.maxTimeoutMs;

/**
 * `POST /api/flows/:id/simulate`: one person walks the flow on the pure core (the walk the
 * forecast takes) on a virtual clock: the path, the messages they would get as the engine renders
 * them, the changes and webhook calls it would cause. Nothing is held, stored or sent: it only reads.
 * For a selection, the forecast counts what every member would do.
 */
@Injectable()
export class FlowSimulator {
  /** One at a time per instance: a simulation renders and may run scripts, in worker threads. */
  private readonly gate = pLimit(1);
  /** Forecasts take the CPU in slices: one at a time, apart from single simulations. */
  private readonly forecastGate = pLimit(1);

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly enrolment: Enrolment,
    private readonly dates: DateTriggerScan,
    private readonly graphs: FlowGraphs,
    private readonly forecasts: FlowForecasts,
    private readonly facts: RecordFacts,
    private readonly windows: SendWindows,
    private readonly personWalk: FlowPersonWalk,
    @Inject(PERSON_RECORDS) private readonly people: RecordService<BaseRecord>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One person (`personId`, or `person` made up for the run) walks the flow; a selection (`selectionId`) is forecast. */
  async simulate(find: (em: EntityManager) => Promise<Flow>, input: SimulateBody) {
    const flow = await find(this.em.fork({ clear: true }));
    if ('selectionId' in input) return this.forecastGate(() => this.forecasts.forecast(flow, input));
    return this.gate(() => this.walkOne(flow, input));
  }

  private async walkOne(flow: Flow, input: PersonSimulation) {
    const em = this.em.fork({ clear: true });
    const graph = this.graphs.of(flow);
    const calendar = flowCalendar(this.config, graph);
    let start = this.clock.now();
    const until = new Date(start.getTime() + input.days * 86_400_000);
    const personId = 'personId' in input ? input.personId : undefined;
    const facts = 'personId' in input
      ? await this.facts.load(em, 'person', input.personId)
      : await this.facts.loadDraft(em, 'person', await this.people.draftIn(em, input.person));
    if (!facts.person) throw new BadInputError(`personId: no person with id ${personId}`, { field: 'personId' }, { code: 'person.unknown_ids', params: { field: 'personId', ids: [personId] } });
    const refused = (reason: string) => ({ admitted: false, refusedReason: reason, steps: [], messages: [], changes: [], webhooks: [] });

    // A flow enrolled only by dates starts its walk on the day the person's date enrols them.
    const dated = graph.triggers.length > 0 && graph.triggers.every((t) => t.kind === 'date' || t.kind === 'yearly');
    let enrolsOn: string | undefined;
    if (dated) {
      const zone = this.dates.zone;
      enrolsOn = personId === undefined ? undefined : (await this.dates.nextEnrolments(em, graph, personId, DateTime.fromJSDate(start, { zone }).toISODate()!))[0]?.enrolsOn;
      const day = enrolsOn ? DateTime.fromISO(enrolsOn, { zone }).startOf('day').toJSDate() : undefined;
      if (!day || day > until) return refused('no_date_in_range');
      if (day > start) start = day;
    }
    const walker = new FlowWalker({
      flowId: String(flow.id), graph, calendar, opening: (node, at) => this.windows.opening(graph, node, at), webhookStatus: input.webhookStatus,
      winners: Object.fromEntries((await pickedWinners(em, String(flow.id))).map((winner) => [winner.step_id, winner.branch])),
    });
    // A made-up person is refused as a stored one would be when unsubscribed (the other refusals need a stored person).
    const reason = (personId !== undefined ? (await this.enrolment.verdicts(em, flow, [personId], start)).get(personId) : (facts.person as { unsubscribed?: unknown }).unsubscribed === true ? 'unsubscribed' : undefined)
      ?? ((await walker.passesFilter(facts)) ? undefined : 'filter');
    if (reason) return refused(reason);

    const { hooks, trace } = await this.personWalk.hooks({
      em, flowId: String(flow.id), flowName: flow.name, graph, calendar, personId, facts, start, webhookStatus: input.webhookStatus,
    }, Date.now() + SCRIPT_BUDGET_MS);
    const result = await walker.walk(personId ?? '0', facts, start, until, hooks);
    const { budgetSpentAt, ...walked } = trace;
    // A walk of more steps than the cap stops there; scripts that used up the time say from when on the walk is uncertain.
    const truncatedAt = result.kind === 'capped' ? result.at.toISOString() : budgetSpentAt;
    return {
      admitted: true,
      ...(enrolsOn ? { enrolsOn } : {}),
      ...(truncatedAt ? { truncated: true, truncatedAt } : {}),
      ...walked,
    };
  }
}
