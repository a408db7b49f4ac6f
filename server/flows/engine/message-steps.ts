import { Inject, Injectable } from '@nestjs/common';
import type { Party, SmsMessage } from '@stroom/dsl';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { StoredFile } from '../../files/stored-file.entity.js';
import type { OutgoingMessage } from '../../messaging/outbox.js';
import { Template } from '../../templates/template.entity.js';
import { renderTemplate, renderText, smsSegments, type MergeContext } from '../../templates/template-engine.js';
import { TrackingService, type TokenRow } from '../../tracking/tracking.service.js';
import type { Facts } from '../../workflows/record-facts.js';
import type { LeaveActions } from './leave-actions.js';
import { end, flowCalendar, next, type StepOutcome, type StepRun } from './step-run.js';

type Json = Record<string, unknown>;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** The address of our contact, our service contact or a literal address/number, for notifications. */
function partyAddress(party: Party, channel: 'email' | 'sms', facts: Facts): string | null {
  if (party.kind === 'address') return party.address;
  const holder = facts[party.role] as Json | undefined;
  return text(holder?.[channel === 'email' ? 'email' : 'mobile']);
}

/**
 * The message steps of a flow: send e-mail (tracked, with unsubscribe), send SMS, notify by e-mail
 * or SMS. Each goes into the outbox in the step's transaction under the visit's key.
 */
@Injectable()
export class MessageSteps {
  private readonly templates = new WeakMap<object, Map<string, Template>>();

  constructor(
    private readonly tracking: TrackingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendEmail(run: StepRun): Promise<StepOutcome> {
    const settings = run.node.settings as { template: string; subject?: string; attachments?: string[] };
    const facts = await run.facts();
    const person = facts.person as Json;
    const template = await this.template(run, settings.template);
    const tracking = this.tracking.begin({ personId: run.personId, flowId: String(run.flow.id), participantId: String(run.participant.id), stepId: run.node.id, messageKey: run.messageKey });
    const context = { ...facts, unsubscribe_url: tracking.unsubscribeUrl } as MergeContext;
    const zone = this.zone(run);
    const rendered = renderTemplate(template, context, { zone });
    const subject = settings.subject ? renderText(settings.subject, context, { zone }).replace(/\s+/g, ' ').trim() : rendered.subject;
    const { body, headers, tokens } = tracking.finish(rendered.body);
    const to = text(person.email);
    await this.enqueue(run, {
      channel: 'email', to, from: run.graph.settings.sender, replyTo: run.graph.settings.replyTo, subject, body, headers,
      attachments: await this.attachments(run, settings.attachments ?? []),
    }, tokens);
    return to ? next(run.node.next) : end('dropout', 'failed delivery');
  }

  async sendSms(run: StepRun, leave: LeaveActions): Promise<StepOutcome> {
    const settings = run.node.settings as { message: SmsMessage; ifNoMobile?: { kind: 'skip' } | { kind: 'leave'; actions: never[] } };
    const facts = await run.facts();
    const to = text((facts.person as Json).mobile);
    if (!to) {
      if (settings.ifNoMobile?.kind !== 'leave') return next(run.node.next);
      await leave.perform(run.em, run.personId, settings.ifNoMobile.actions, run.now);
      return end('dropout', 'no mobile number');
    }
    const body = await this.smsText(run, settings.message, facts);
    await this.enqueue(run, { channel: 'sms', to, from: run.graph.settings.smsSender, body, segments: smsSegments(body) });
    return next(run.node.next);
  }

  async notifyEmail(run: StepRun): Promise<StepOutcome> {
    const settings = run.node.settings as { to: Party; template: string };
    const facts = await run.facts();
    const rendered = renderTemplate(await this.template(run, settings.template), facts as MergeContext, { zone: this.zone(run) });
    await this.enqueue(run, { channel: 'email', to: partyAddress(settings.to, 'email', facts), from: run.graph.settings.sender, replyTo: run.graph.settings.replyTo, subject: rendered.subject, body: rendered.body });
    return next(run.node.next);
  }

  async notifySms(run: StepRun): Promise<StepOutcome> {
    const settings = run.node.settings as { to: Party; text: string };
    const facts = await run.facts();
    const body = renderText(settings.text, facts as MergeContext, { zone: this.zone(run) });
    await this.enqueue(run, { channel: 'sms', to: partyAddress(settings.to, 'sms', facts), from: run.graph.settings.smsSender, body, segments: smsSegments(body) });
    return next(run.node.next);
  }

  private async smsText(run: StepRun, message: SmsMessage, facts: Facts): Promise<string> {
    const zone = this.zone(run);
    if (message.kind === 'text') return renderText(message.text, facts as MergeContext, { zone });
    return renderTemplate(await this.template(run, message.template), facts as MergeContext, { zone }).body;
  }

  private async enqueue(run: StepRun, message: Omit<OutgoingMessage, 'key' | 'personId' | 'flowId' | 'participantId' | 'stepId'>, tokens?: TokenRow[]): Promise<void> {
    await run.send({
      ...message, key: run.messageKey, personId: run.personId, flowId: String(run.flow.id), participantId: String(run.participant.id), stepId: run.node.id,
    }, tokens);
  }

  private async template(run: StepRun, key: string): Promise<Template> {
    // Once per batch of participants (the batch shares one entity manager), not once per message.
    let cache = this.templates.get(run.em);
    if (!cache) this.templates.set(run.em, (cache = new Map()));
    const template = cache.get(key) ?? (await run.em.findOne(Template, { key }));
    if (template) cache.set(key, template);
    // Templates in use cannot be deleted or renamed away: this only happens to data edited behind the API.
    if (!template) throw new Error(`step ${run.node.id}: template "${key}" no longer exists`);
    return template;
  }

  private async attachments(run: StepRun, names: readonly string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const files = await run.em.find(StoredFile, { name: { $in: [...names] } }, { fields: ['id', 'name'], orderBy: { id: 'desc' } });
    return names.map((name) => {
      const file = files.find((f) => f.name === name);
      if (!file) throw new Error(`step ${run.node.id}: attachment "${name}" no longer exists`);
      return String(file.id);
    });
  }

  private zone(run: StepRun): string {
    return flowCalendar(this.config, run.graph).zone;
  }
}
