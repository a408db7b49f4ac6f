import { Inject, Injectable } from '@nestjs/common';
import type { DistributionPool, FollowUpDate, Party, SaleDate, UpdateOperation } from '@stroom/dsl';
import type { EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { EmployeePools } from '../../crm/assignment-rules/employee-pools.js';
import { followUps } from '../../crm/follow-ups/follow-ups.resource.js';
import { PERSON_RECORDS } from '../../crm/persons/person-records.js';
import { requests } from '../../crm/requests/requests.resource.js';
import { sales } from '../../crm/sales/sales.resource.js';
import type { BaseRecord } from '../../records/base-record.js';
import { recordServiceToken } from '../../records/record-controller.js';
import type { RecordService } from '../../records/record.service.js';
import type { Calendar } from '../../scheduling/calendar.js';
import { renderTextOffLoop } from '../../templates/off-loop-render.js';
import type { MergeContext } from '../../templates/template-engine.js';
import { distributes, firstFreeHour, followUpSearch, saleDate } from '../core/crm-decisions.js';
import { personUpdate } from '../core/step-decisions.js';
import { Memberships } from '../../crm/lists/memberships.js';
import { flowCalendar, next, type StepOutcome, type StepRun } from './step-run.js';

type Json = Record<string, unknown>;

/**
 * The CRM-action steps of seed 003: update the person, add to / remove from a selection or project,
 * create a follow-up, request or sale, distribute to an owner. Records are written through the same
 * record services as the API, in the step's transaction, so each emits its change event and
 * workflows and success criteria see it.
 */
@Injectable()
export class CrmSteps {
  constructor(
    private readonly memberships: Memberships,
    @Inject(PERSON_RECORDS) private readonly people: RecordService<BaseRecord>,
    @Inject(recordServiceToken(followUps)) private readonly followUps: RecordService<BaseRecord>,
    @Inject(recordServiceToken(requests)) private readonly requests: RecordService<BaseRecord>,
    @Inject(recordServiceToken(sales)) private readonly sales: RecordService<BaseRecord>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pools: EmployeePools,
  ) {}

  async updatePerson(run: StepRun): Promise<StepOutcome> {
    const { operations } = run.node.settings as { operations: UpdateOperation[] };
    const { patch } = personUpdate((await run.facts()).person as Json, operations);
    if (run.holdPersonUpdate) {
      run.holdPersonUpdate(patch);
      return { kind: 'next', next: run.node.next, held: true };
    }
    await this.people.updateIn(run.em, run.personId, patch);
    run.refreshFacts();
    return next(run.node.next);
  }

  /** Writes the person updates a batch of step jobs held, in one statement (with their change events). */
  async writePersonUpdates(em: EntityManager, updates: readonly { personId: string; patch: Json }[]): Promise<void> {
    await this.people.updateManyIn(em, updates.map(({ personId, patch }) => ({ id: personId, body: patch })));
  }

  async membership(run: StepRun): Promise<StepOutcome> {
    const { change, target, name } = run.node.settings as { change: 'add' | 'remove'; target: 'selection' | 'project'; name: string };
    await this.memberships.change(run.em, change, target, name, run.personId, run.now);
    return next(run.node.next);
  }

  async createFollowUp(run: StepRun): Promise<StepOutcome> {
    const s = run.node.settings as { title: string; type: string; project?: string; date: FollowUpDate; assign: Party; agenda?: string };
    const assignedToId = await this.employeeFor(run, s.assign);
    await this.followUps.createIn(run.em, {
      title: await this.text(run, s.title), type: s.type, projectId: await this.projectId(run, s.project),
      start: (await this.followUpStart(run, s.date, assignedToId)).toISOString(), assignedToId,
      agenda: s.agenda === undefined ? undefined : await this.text(run, s.agenda), personId: run.personId,
    });
    return next(run.node.next);
  }

  async createRequest(run: StepRun): Promise<StepOutcome> {
    const s = run.node.settings as { title: string; type: string; status: string; category?: string; priority?: string; owner: Party; message?: string };
    await this.requests.createIn(run.em, {
      title: await this.text(run, s.title), type: s.type, status: s.status, category: s.category, priority: s.priority,
      ownerId: await this.requestOwner(run, s.owner, s.type), message: s.message === undefined ? undefined : await this.text(run, s.message), personId: run.personId,
    });
    return next(run.node.next);
  }

  async createSale(run: StepRun): Promise<StepOutcome> {
    const s = run.node.settings as { title: string; type: string; stage: 'open' | 'sold' | 'lost'; amount?: number; description?: string; project?: string; date?: SaleDate; owner?: Party };
    const person = (await run.facts()).person as Json;
    await this.sales.createIn(run.em, {
      title: await this.text(run, s.title), type: s.type, stage: s.stage, amount: s.amount,
      description: s.description === undefined ? undefined : await this.text(run, s.description),
      personId: run.personId, companyId: person.company_id ?? undefined, projectId: await this.projectId(run, s.project),
      // "By sale type": the CRM estimates the date from the type; the flow leaves it open.
      date: saleDate(s.date, run.now, this.calendar(run))?.toISOString(),
      ownerId: s.owner ? await this.employeeFor(run, s.owner) : ((person.our_contact_id as string | null) ?? undefined),
    });
    return next(run.node.next);
  }

  /**
   * Sets the person's our contact to the available employee of the pool with the fewest persons,
   * else the fallback; with `if unassigned` only when the person has no our contact yet.
   */
  async distribute(run: StepRun): Promise<StepOutcome> {
    const s = run.node.settings as { pool: DistributionPool; fallback?: string; onlyIfUnassigned?: boolean };
    const person = (await run.facts()).person as Json;
    if (!distributes(s.onlyIfUnassigned, person)) return next(run.node.next);
    const ownerId = await this.pools.distributionOwner(run.em, s.pool, s.fallback);
    if (ownerId && String(ownerId) !== String(person.our_contact_id ?? '')) {
      await this.people.updateIn(run.em, run.personId, { ourContactId: String(ownerId) });
      run.refreshFacts();
    }
    return next(run.node.next);
  }

  /** `owner auto`: the request type's assignment rule, else the person's our contact; any other owner as named. */
  private async requestOwner(run: StepRun, owner: Party, type: string): Promise<string | undefined> {
    if (owner.kind !== 'role' || owner.role !== 'auto') return this.employeeFor(run, owner);
    return (await this.pools.requestOwner(run.em, type)) ?? (await this.employeeFor(run, { kind: 'role', role: 'our_contact' }));
  }

  /** Our contact, our service contact, a named employee (by e-mail); `auto` is our contact here; `unassigned` nobody. */
  private async employeeFor(run: StepRun, party: Party): Promise<string | undefined> {
    const person = (await run.facts()).person as Json;
    if (party.kind === 'address') {
      const employeeId = await this.pools.idByEmail(run.em, party.address);
      if (!employeeId) throw new Error(`step ${run.node.id}: no employee has the e-mail address "${party.address}"`);
      return employeeId;
    }
    const id = party.role === 'service_contact' ? person.service_contact_id : party.role === 'unassigned' ? null : person.our_contact_id;
    return typeof id === 'string' && id ? id : undefined;
  }

  private async projectId(run: StepRun, name: string | undefined): Promise<string | undefined> {
    if (name === undefined) return undefined;
    const projectId = await this.memberships.listId(run.em, 'project', name);
    if (!projectId) throw new Error(`step ${run.node.id}: project "${name}" no longer exists`);
    return projectId;
  }

  /** Task date: today. A meeting: the assignee's first free working hour from where the step's date says to look. */
  private async followUpStart(run: StepRun, date: FollowUpDate, assignedToId: string | undefined): Promise<Date> {
    const search = followUpSearch(date, run.now, this.calendar(run));
    if ('at' in search) return search.at;
    return firstFreeHour(search.from, search.until, await this.takenHours(run, search.from, search.until, assignedToId), this.calendar(run));
  }

  /** The hours in which the assignee has a follow-up already, in the search window. */
  private async takenHours(run: StepRun, from: DateTime, until: DateTime, assignedToId: string | undefined): Promise<Set<number>> {
    const taken = new Set<number>();
    if (!assignedToId) return taken;
    await run.em.flush(); // follow-ups made earlier in this transaction count too
    const rows = await run.em.getConnection().execute<{ start: Date | string }[]>(
      `select "start" from "follow_up" where "assigned_to_id" = ? and "start" >= ? and "start" < ?`,
      [assignedToId, from.toJSDate(), until.toJSDate()], 'all', run.em.getTransactionContext());
    for (const row of rows) taken.add(DateTime.fromJSDate(new Date(row.start), { zone: this.calendar(run).zone }).startOf('hour').toMillis());
    return taken;
  }

  private async text(run: StepRun, text: string): Promise<string> {
    return renderTextOffLoop(text, (await run.facts()) as MergeContext, { zone: this.calendar(run).zone });
  }

  private calendar(run: StepRun): Calendar {
    return flowCalendar(this.config, run.graph);
  }
}
