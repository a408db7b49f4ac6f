import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import type { DistributionPool, FlowGraph, FlowNode, Party, SaleDate, SmsMessage } from '@stroom/dsl';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { ContactGate } from '../contact-policy/contact-gate.js';
import { decideContact, type Contact } from '../contact-policy/core/contact-rules.js';
import { EmployeePools } from '../crm/assignment-rules/employee-pools.js';
import { RecordFacts } from '../facts/record-facts.js';
import { Memberships } from '../crm/lists/memberships.js';
import { PERSON_RECORDS } from '../crm/persons/person-records.js';
import type { BaseRecord } from '../records/base-record.js';
import type { RecordService } from '../records/record.service.js';
import { BadInputError } from '../common/errors.js';
import { toCamel, toSnake } from '../common/naming.js';
import { TemplateLookup, type StoredTemplate } from '../templates/template-lookup.js';
import { renderTextOffLoop } from '../templates/off-loop-render.js';
import { TemplateRenderError, type MergeContext } from '../templates/template-engine.js';
import { TrackingService } from '../tracking/tracking.service.js';
import type { Calendar } from '../scheduling/calendar.js';
import { saleDate } from './core/crm-decisions.js';
import { filledText, partyAddress } from './core/message-parties.js';
import { recipient } from './core/send-decisions.js';
import { notificationEmail, sendEmailText, smsText, type TemplateOf } from './engine/message-texts.js';
import { webhookRequest, type WebhookSettings } from './core/webhook-request.js';
import type { Channel, ContactVerdict, WalkHooks } from './core/walk.js';
import { runScript, SCRIPT_LIMITS } from './engine/script-sandbox.js';

type Json = Record<string, unknown>;

export interface SimulatedMessage {
  channel: Channel;
  to: string | null;
  subject: string | null;
  body: string;
}

export interface SimulatedChange {
  entity: string;
  /** The changed record's id; null for a record the walk would create (or a made-up person). */
  entityId: string | null;
  kind: string;
  changes: Record<string, { from: unknown; to: unknown }> | null;
  data: Json | null;
}

export interface SimulatedCall {
  stepId: string;
  method: string;
  url: string;
  body: string | null;
  status: number;
}

/** What a one-person walk would do, told as the simulation answers it. */
export interface PersonTrace {
  /** Set when the scripts used up the simulation's time: at the moment the first one ran out of it. */
  budgetSpentAt?: string;
  steps: { at: string; stepId: string; kind: string }[];
  messages: SimulatedMessage[];
  changes: SimulatedChange[];
  webhooks: SimulatedCall[];
}

export interface PersonWalkContext {
  em: EntityManager;
  flowId: string;
  flowName: string;
  graph: FlowGraph;
  calendar: Calendar;
  /** The person's id; undefined for a made-up person. */
  personId: string | undefined;
  /** The person's facts as the walk starts. */
  facts: Json;
  start: Date;
  webhookStatus: number;
}

/** Person fields that link to the records around it: a change reloads those facts. */
const LINKS = ['our_contact_id', 'service_contact_id', 'company_id'];

const CREATED_ENTITY: Record<string, string> = { create_sale: 'sale', create_follow_up: 'follow_up', create_request: 'request' };

/**
 * The hooks of a one-person simulation on the pure walk: messages rendered as the engine renders
 * them (templates, the step's texts, tracked links), the contact policy decided in memory on the
 * person's history, webhook calls rendered but not made, scripts run in the sandbox, and every
 * change described as the change event it would cause. Only reads: nothing is stored or sent.
 */
@Injectable()
export class FlowPersonWalk {
  constructor(
    private readonly tracking: TrackingService,
    private readonly contact: ContactGate,
    private readonly pools: EmployeePools,
    private readonly templates: TemplateLookup,
    private readonly records: RecordFacts,
    private readonly memberships: Memberships,
    @Inject(PERSON_RECORDS) private readonly people: RecordService<BaseRecord>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async hooks(context: PersonWalkContext, deadline: number): Promise<{ hooks: WalkHooks; trace: PersonTrace }> {
    const trace: PersonTrace = { steps: [], messages: [], changes: [], webhooks: [] };
    const templates = new Map<string, StoredTemplate | null>();
    const template = async (node: FlowNode, key: string): Promise<StoredTemplate> => {
      if (!templates.has(key)) templates.set(key, await this.templates.byKey(context.em, key));
      const found = templates.get(key);
      if (!found) throw new Error(`step ${node.id}: template "${key}" no longer exists`);
      return found;
    };
    const { zone } = context.calendar;
    const personZone = filledText((context.facts.person as Json | undefined)?.time_zone) ?? this.config.appTimezone;
    const plan = await this.contact.planFor(context.em, context.personId, context.start, personZone);
    const history: Contact[] = [...plan.history];
    const lists = await this.listsOf(context);
    const change = (entity: string, entityId: string | null, kind: string, changes: SimulatedChange['changes'], data: Json | null) =>
      trace.changes.push({ entity, entityId, kind, changes, data });

    const hooks: WalkHooks = {
      arrive: (node, at) => {
        trace.steps.push({ at: at.toISOString(), stepId: node.id, kind: node.kind });
      },
      contact: (node, channel, at): ContactVerdict => {
        const verdict = decideContact(plan.policy, history, channel, at, personZone);
        if (verdict.kind === 'send') return verdict;
        return (context.graph.settings.whenLimited ?? plan.policy.whenLimited) === 'skip' ? { kind: 'skip' } : { kind: 'defer', until: verdict.until };
      },
      message: async (node, channel, at, current, deliverable) => {
        try {
          const message = await this.render(context, node, channel, current, deliverable, template);
          trace.messages.push(message);
          if (message.to && isMarketing(node)) history.push({ at, channel });
          return true;
        } catch (error) {
          if (!(error instanceof TemplateRenderError)) throw error;
          trace.messages.push({ channel, to: null, subject: null, body: '' });
          return false;
        }
      },
      updated: async (_node, _at, _before, after, changes) => {
        change('person', context.personId ?? null, 'updated', changes, null);
        // A new our contact, service contact or company: the facts around the person follow, as the engine reloads them.
        if (!LINKS.some((link) => link in changes)) return undefined;
        return this.records.load(context.em, 'person', 'draft', after);
      },
      created: async (node, at, current) => {
        const settings = node.settings as { title: string; type: string; stage?: string; status?: string; amount?: number; date?: SaleDate };
        const title = await renderTextOffLoop(settings.title, current as MergeContext, { zone });
        const date = node.kind === 'create_sale' ? saleDate(settings.date, at, context.calendar) : undefined;
        const fields: Json = {
          title, type: settings.type, ...(settings.stage ? { stage: settings.stage } : {}), ...(settings.status ? { status: settings.status } : {}),
          ...(settings.amount !== undefined ? { amount: settings.amount } : {}), ...(date ? { date: date.toISOString() } : {}),
        };
        change(CREATED_ENTITY[node.kind]!, null, 'created', Object.fromEntries(Object.entries(fields).map(([field, to]) => [field, { from: null, to }])), { person_id: context.personId ?? null });
      },
      membership: (node) => {
        const { change: what, target, name } = node.settings as { change: 'add' | 'remove'; target: 'selection' | 'project'; name: string };
        const list = lists.get(`${target}:${name}`);
        // As the engine: adding a member, or removing a non-member, changes nothing and says nothing.
        if (list && (what === 'add') === list.member) return;
        if (list) list.member = what === 'add';
        change(target, list?.id ?? null, what === 'add' ? 'added' : 'removed', null, { person_id: context.personId ?? null });
      },
      leaving: (_node, _at, actions) => {
        for (const action of actions) if (action.kind !== 'move_to_flow') change('selection', null, 'added', null, { person_id: context.personId ?? null });
      },
      webhook: (node, _at, current) => {
        const settings = node.settings as unknown as WebhookSettings;
        const request = webhookRequest(settings, current, zone);
        if ('notJson' in request) return 0;
        trace.webhooks.push({ stepId: node.id, method: settings.method, url: request.url, body: request.body, status: context.webhookStatus });
        return context.webhookStatus;
      },
      script: async (node, at, current) => {
        const settings = node.settings as { source: string; timeoutMs?: number; memoryMb?: number };
        const flow = { id: context.flowId, name: context.flowName, step_id: node.id, participant_id: null };
        // A script may use what is left of the simulation's time, no more (a real run is not bound by it).
        const timeoutMs = Math.max(1, Math.min(settings.timeoutMs ?? SCRIPT_LIMITS.defaultTimeoutMs, deadline - Date.now()));
        const result = await runScript(settings.source, { person: current.person, flow }, { timeoutMs, memoryMb: settings.memoryMb });
        if (!result.ok && Date.now() >= deadline) trace.budgetSpentAt ??= at.toISOString();
        if (!result.ok || result.value === null || typeof result.value !== 'object' || Array.isArray(result.value)) return undefined;
        // As the engine: the fields as the API names them, refused as a whole when the person's rules refuse them.
        const patch = Object.fromEntries(Object.entries(result.value as Json).map(([field, value]) => [toCamel(field), value]));
        try {
          const person = Object.fromEntries(Object.entries(current.person as Json).map(([field, value]) => [toCamel(field), value]));
          this.people.checkPatch(person, patch);
        } catch (error) {
          if (error instanceof BadInputError) return undefined;
          throw error;
        }
        return Object.fromEntries(Object.entries(patch).map(([field, value]) => [toSnake(field), value]));
      },
      distribute: async (node) => {
        const settings = node.settings as { pool: DistributionPool; fallback?: string };
        return this.pools.distributionOwner(context.em, settings.pool, settings.fallback);
      },
    };
    return { hooks, trace };
  }

  /** The selections and projects the flow adds to or removes from: their ids, and whether the person is in them now. */
  private async listsOf(context: PersonWalkContext): Promise<Map<string, { id: string; member: boolean }>> {
    const found = new Map<string, { id: string; member: boolean }>();
    for (const id of context.graph.order) {
      const node = context.graph.nodes[id]!;
      if (node.kind !== 'membership') continue;
      const { target, name } = node.settings as { target: 'selection' | 'project'; name: string };
      const listId = await this.memberships.listId(context.em, target, name);
      if (!listId || found.has(`${target}:${name}`)) continue;
      const member = context.personId !== undefined && (await this.memberships.isMember(context.em, target, listId, context.personId));
      found.set(`${target}:${name}`, { id: listId, member });
    }
    return found;
  }

  private async render(context: PersonWalkContext, node: FlowNode, channel: Channel, facts: Json, deliverable: boolean, template: (node: FlowNode, key: string) => Promise<StoredTemplate>): Promise<SimulatedMessage> {
    const { zone } = context.calendar;
    const merge = facts as MergeContext;
    const person = facts.person as Json;
    const templateOf: TemplateOf = (key) => template(node, key);
    switch (node.kind) {
      case 'send_email': {
        const tracked = this.tracking.begin();
        const withLink = { ...merge, unsubscribe_url: tracked.unsubscribeUrl } as MergeContext;
        const rendered = await sendEmailText(node.settings as { template: string; subject?: string }, withLink, zone, templateOf);
        return { channel, to: deliverable ? recipient(person, 'email') : null, subject: rendered.subject, body: tracked.finish(rendered.body).body };
      }
      case 'send_sms':
        return { channel, to: recipient(person, 'sms'), subject: null, body: await smsText((node.settings as { message: SmsMessage }).message, facts, zone, templateOf) };
      case 'notify_email': {
        const settings = node.settings as { to: Party; template?: string; subject?: string; text?: string };
        return { channel, to: partyAddress(settings.to, 'email', facts), ...(await notificationEmail(settings, facts, zone, templateOf)) };
      }
      default: {
        const settings = node.settings as { to: Party; text: string };
        return { channel, to: partyAddress(settings.to, 'sms', facts), subject: null, body: await renderTextOffLoop(settings.text, merge, { zone }) };
      }
    }
  }

}

function isMarketing(node: FlowNode): boolean {
  return (node.kind === 'send_email' || node.kind === 'send_sms') && !node.settings.transactional;
}

