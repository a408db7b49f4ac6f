import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import type { DateTrigger, FlowGraph, YearlyTrigger } from '@stroom/dsl';
import { DateTime } from 'luxon';
import { Clock } from '../../clock/clock.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { ChangeEventConsumer } from '../../events/change-event-consumer.js';
import { appCalendar, type Calendar } from '../../scheduling/calendar.js';
import { JobRunner, type ClaimedJob, type JobContext } from '../../scheduling/job-runner.js';
import { PerTransaction } from '../../common/per-transaction.js';
import { ruleSetVersion } from '../../facts/rule-set-versions.js';
import { Enrolment } from '../enrolment.js';
import { FlowGraphs } from '../engine/flow-graphs.js';
import { Flow } from '../flow.entity.js';
import { dateValueKey, enrolmentDay, monthDaysOn, triggerKey, valuesEnrolledOn } from './date-trigger-days.js';
import { currentValues, ensureIndex, personsDatedIn, personsWithAnniversary, valuesOfPerson, type DatedPerson } from './date-trigger-records.js';
import { insertJobOnce } from '../../scheduling/job-rows.js';

export const DATE_SCAN_JOB = 'flow.date-scan';
const DATED_RECORDS: ReadonlySet<string> = new Set(['person', 'sale', 'quote_request', 'opportunity']);
type AnyDateTrigger = DateTrigger | YearlyTrigger;
/** What the scan reads of a change event. */
interface RecordChange {
  entity: string;
  entityId: string;
  kind: string;
  changes: Record<string, unknown>;
}

interface DatedFlow {
  flowId: string;
  triggers: AnyDateTrigger[];
}

/**
 * Date triggers (`trigger 30 days before person.extra.contract_end`, `trigger yearly on …`): one
 * `flow.date-scan` job per day, due at the start of the day in APP_TIMEZONE, asks an index for the
 * records whose date enrols them that day — never a scan of every person — and enrols each person
 * once per date value (a changed date enrols again; a yearly trigger once a year). A date changed
 * during the day to one that enrols today enrols at once. Each day's job orders the next day's.
 */
@Injectable()
export class DateTriggerScan implements OnModuleInit, OnApplicationBootstrap {
  private readonly calendar: Calendar;
  /** APP_TIMEZONE: the zone date triggers count days in. */
  readonly zone: string;
  private version: string | undefined;
  private flows: DatedFlow[] = [];
  /** The flow-set version, read once per batch of change events. */
  private readonly versions = new PerTransaction<string | undefined>();

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly runner: JobRunner,
    private readonly consumer: ChangeEventConsumer,
    private readonly graphs: FlowGraphs,
    private readonly enrolment: Enrolment,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.calendar = appCalendar(config);
    this.zone = this.calendar.zone;
  }

  onModuleInit(): void {
    this.runner.register(DATE_SCAN_JOB, (job, context) => this.scan(job, context));
    this.consumer.register('flow-date-triggers', (event, em) => this.onChange(event, em));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.em.fork().transactional((em) => this.orderScan(em, this.today()));
  }

  /** Enrols the persons whose date value lands on the job's day, for every running or paused flow with a date trigger. */
  async scan(job: ClaimedJob, { em, now }: JobContext): Promise<void> {
    const day = String(job.payload.day);
    for (const { flowId, triggers } of await this.datedFlows(em)) {
      for (const trigger of triggers) {
        await ensureIndex(em, trigger);
        for (const dated of await this.datedOn(em, trigger, day)) await this.enrolOnce(em, flowId, trigger, dated, day, now);
      }
    }
    await this.orderScan(em, DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!);
  }

  private async datedOn(em: EntityManager, trigger: AnyDateTrigger, day: string): Promise<DatedPerson[]> {
    if (trigger.kind === 'yearly') return personsWithAnniversary(em, trigger, monthDaysOn(day), this.calendar.zone);
    const range = valuesEnrolledOn(trigger, day, this.calendar);
    return range ? personsDatedIn(em, trigger, range, this.calendar.zone) : [];
  }

  /**
   * When the flow's date triggers would enrol the person, from `today` on (a yearly trigger: its
   * next anniversary), earliest first: what the simulator starts its walk from.
   */
  async nextEnrolments(em: EntityManager, graph: FlowGraph, personId: string, today: string): Promise<{ value: string; enrolsOn: string }[]> {
    const found: { value: string; enrolsOn: string }[] = [];
    for (const trigger of graph.triggers) {
      if (trigger.kind !== 'date' && trigger.kind !== 'yearly') continue;
      for (const { value } of await valuesOfPerson(em, trigger, personId, this.calendar.zone)) {
        let day = enrolmentDay(trigger, value, this.calendar, today);
        if (day && day < today && trigger.kind === 'yearly') day = enrolmentDay(trigger, value, this.calendar, `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
        if (day && day >= today) found.push({ value, enrolsOn: day });
      }
    }
    return found.sort((a, b) => a.enrolsOn.localeCompare(b.enrolsOn));
  }

  /** A change that gives a record a date which enrols today enrols now (the day's scan may have run already). */
  private async onChange(event: RecordChange, em: EntityManager): Promise<void> {
    if ((event.kind !== 'created' && event.kind !== 'updated') || !DATED_RECORDS.has(event.entity)) return;
    const today = this.today();
    for (const { flowId, triggers } of await this.datedFlows(em)) {
      for (const trigger of triggers) {
        if (trigger.entity !== event.entity || !(trigger.field.split('.')[0]! in event.changes)) continue;
        for (const dated of await currentValues(em, trigger, event.entityId, this.calendar.zone)) {
          if (enrolmentDay(trigger, dated.value, this.calendar, today) === today) await this.enrolOnce(em, flowId, trigger, dated, today, this.clock.now());
        }
      }
    }
  }

  /** Records the date value as used and, when it is new, offers the person to the flow (its filter and re-entry rules decide). */
  private async enrolOnce(em: EntityManager, flowId: string, trigger: AnyDateTrigger, dated: DatedPerson, day: string, now: Date): Promise<void> {
    const inserted = await em.getConnection().execute<{ id: string }[]>(
      `insert into "flow_date_enrolment" ("flow_id", "person_id", "trigger_key", "date_value", "enrolled_on", "at") values (?, ?, ?, ?, ?, ?)
       on conflict do nothing returning "id"`,
      [flowId, dated.personId, triggerKey(trigger), dateValueKey(trigger, dated.value, day), day, now], 'all', em.getTransactionContext());
    if (inserted.length === 0) return;
    const flow = await em.findOne(Flow, { id: flowId, status: { $in: ['running', 'paused'] } });
    if (flow) await this.enrolment.admit(em, flow, dated.personId, now);
  }

  /** The scan of `day`, due at the day's start in APP_TIMEZONE, unless it is ordered already. */
  private async orderScan(em: EntityManager, day: string): Promise<void> {
    const dueAt = DateTime.fromISO(day, { zone: this.calendar.zone }).startOf('day').toJSDate();
    const now = this.clock.now();
    const job = insertJobOnce({ kind: DATE_SCAN_JOB, payload: { day }, dueAt, cancelKey: `${DATE_SCAN_JOB}:${day}`, now });
    await em.getConnection().execute(job.sql, job.params, 'run', em.getTransactionContext());
  }

  private today(): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: this.calendar.zone }).toISODate()!;
  }

  /** Running and paused flows with a date trigger, rebuilt when the flow-set version moves. */
  private async datedFlows(em: EntityManager): Promise<DatedFlow[]> {
    const version = await this.versions.get(em, 'flows', () => ruleSetVersion(em, 'flows'));
    if (version === this.version) return this.flows;
    const flows = await em.find(Flow, { status: { $in: ['running', 'paused'] } }, { fields: ['id', 'version', 'source'], orderBy: { id: 'asc' } });
    this.flows = flows
      .map((flow) => ({ flowId: String(flow.id), triggers: this.graphs.of(flow).triggers.filter((t): t is AnyDateTrigger => t.kind === 'date' || t.kind === 'yearly') }))
      .filter((flow) => flow.triggers.length > 0);
    this.version = version;
    return this.flows;
  }
}
