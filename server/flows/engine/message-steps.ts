import { Inject, Injectable } from '@nestjs/common';
import { smsSegments, type Party, type SmsMessage } from '@stroom/dsl';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { ContactGate } from '../../contact-policy/contact-gate.js';
import { FilesService } from '../../files/files.service.js';
import type { OutgoingMessage } from '../../messaging/outbox.js';
import { TemplateLookup, type StoredTemplate } from '../../templates/template-lookup.js';
import { renderTextOffLoop } from '../../templates/off-loop-render.js';
import { TemplateRenderError, type MergeContext } from '../../templates/template-engine.js';
import { TrackingService, type TrackedAddress } from '../../tracking/tracking.service.js';
import { filledText, partyAddress } from '../core/message-parties.js';
import { notificationEmail, sendEmailText, smsText, type TemplateOf } from './message-texts.js';
import { heldBack, policyApplies, recipient, withoutMobile } from '../core/send-decisions.js';
import type { LeaveActions } from './leave-actions.js';
import { addNote, end, flowCalendar, next, type StepOutcome, type StepRun } from './step-run.js';

type Json = Record<string, unknown>;

/**
 * The message steps of a flow: send e-mail (tracked, with unsubscribe), send SMS, notify by e-mail
 * or SMS. Each goes into the outbox in the step's transaction under the visit's key.
 */
@Injectable()
export class MessageSteps {
  private readonly templates = new WeakMap<object, Map<string, StoredTemplate>>();

  constructor(
    private readonly tracking: TrackingService,
    private readonly contact: ContactGate,
    private readonly templateLookup: TemplateLookup,
    private readonly files: FilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendEmail(run: StepRun): Promise<StepOutcome> {
    const settings = run.node.settings as { template: string; subject?: string; attachments?: string[]; transactional?: boolean };
    const facts = await run.facts();
    const person = facts.person as Json;
    const to = recipient(person, 'email');
    const policy = policyApplies(run.node, to) ? await this.policy(run, 'email', person) : { kind: 'send' as const, note: null };
    if (policy.kind !== 'send') return policy.outcome;
    const tracking = this.tracking.begin();
    const context = { ...facts, unsubscribe_url: tracking.unsubscribeUrl } as MergeContext;
    const zone = this.zone(run);
    let rendered: { subject: string; body: string };
    try {
      rendered = await sendEmailText(settings, context, zone, this.templateOf(run));
    } catch (error) {
      return this.unrenderable(run, 'email', to, error);
    }
    const subject = rendered.subject;
    const { body, headers, tokens } = tracking.finish(rendered.body);
    await this.enqueue(run, {
      channel: 'email', to, from: run.graph.settings.sender, replyTo: run.graph.settings.replyTo, subject, body, headers,
      attachments: await this.attachments(run, settings.attachments ?? []), marketing: !settings.transactional, policyNote: policy.note,
    }, tokens);
    return to ? next(run.node.next) : end('dropout', 'failed delivery');
  }

  async sendSms(run: StepRun, leave: LeaveActions): Promise<StepOutcome> {
    const settings = run.node.settings as { message: SmsMessage; from?: string; transactional?: boolean; ifNoMobile?: { kind: 'skip' } | { kind: 'leave'; actions: never[] } };
    const facts = await run.facts();
    const to = recipient(facts.person as Json, 'sms');
    if (!to) {
      const without = withoutMobile(run.node);
      if (without.kind === 'skip') return next(run.node.next);
      await leave.perform(run.em, run.personId, without.actions, run.now);
      return end('dropout', 'no mobile number');
    }
    const policy = policyApplies(run.node, to) ? await this.policy(run, 'sms', facts.person as Json) : { kind: 'send' as const, note: null };
    if (policy.kind !== 'send') return policy.outcome;
    let body: string;
    try {
      body = await smsText(settings.message, facts, this.zone(run), this.templateOf(run));
    } catch (error) {
      return this.unrenderable(run, 'sms', to, error);
    }
    await this.enqueue(run, { channel: 'sms', to, from: settings.from ?? run.graph.settings.smsSender, body, segments: smsSegments(body), marketing: !settings.transactional, policyNote: policy.note });
    return next(run.node.next);
  }

  /** A template, or the step's own subject and plain text, to our contact, our service contact or an address. */
  async notifyEmail(run: StepRun): Promise<StepOutcome> {
    const settings = run.node.settings as { to: Party; template?: string; subject?: string; text?: string };
    const facts = await run.facts();
    const to = partyAddress(settings.to, 'email', facts);
    let rendered: { subject: string; body: string };
    try {
      rendered = await notificationEmail(settings, facts, this.zone(run), this.templateOf(run));
    } catch (error) {
      return this.unrenderable(run, 'email', to, error);
    }
    await this.enqueue(run, { channel: 'email', to, from: run.graph.settings.sender, replyTo: run.graph.settings.replyTo, subject: rendered.subject, body: rendered.body });
    return next(run.node.next);
  }

  async notifySms(run: StepRun): Promise<StepOutcome> {
    const settings = run.node.settings as { to: Party; text: string; from?: string };
    const facts = await run.facts();
    const to = partyAddress(settings.to, 'sms', facts);
    let body: string;
    try {
      body = await renderTextOffLoop(settings.text, facts as MergeContext, { zone: this.zone(run) });
    } catch (error) {
      return this.unrenderable(run, 'sms', to, error);
    }
    await this.enqueue(run, { channel: 'sms', to, from: settings.from ?? run.graph.settings.smsSender, body, segments: smsSegments(body) });
    return next(run.node.next);
  }

  /**
   * The contact policy's answer for a marketing message: send, or (`heldBack`) wait on this step
   * until the first allowed moment, or skip to the next step, with a note on the participant saying why.
   */
  private async policy(run: StepRun, channel: 'email' | 'sms', person: Json): Promise<{ kind: 'send'; note: string | null } | { kind: 'held'; outcome: StepOutcome }> {
    const answer = await this.contact.check(run.em, {
      personId: run.personId, channel, zone: filledText(person.time_zone) ?? this.config.appTimezone, now: run.now, flowId: String(run.flow.id),
      participantId: String(run.participant.id), stepId: run.node.id, messageKey: run.messageKey, resumed: !run.entering,
      ...(run.graph.settings.whenLimited ? { whenLimited: run.graph.settings.whenLimited } : {}),
    });
    if (answer.kind === 'send') return answer;
    const held = heldBack(answer, channel, run.node);
    run.participant.notes = [...run.participant.notes, { at: run.now.toISOString(), stepId: run.node.id, message: held.note }];
    return { kind: 'held', outcome: held.wait ? { kind: 'wait', until: held.wait } : next(held.next ?? null) };
  }

  private templateOf(run: StepRun): TemplateOf {
    return (key) => this.template(run, key);
  }

  /**
   * A text that cannot be rendered (past the render cap, or an error in it) can never be sent:
   * instead of retrying for ever, the message is recorded as failed with the reason, the reason is
   * noted on the participant, and the participant drops out (`failed delivery`).
   */
  private async unrenderable(run: StepRun, channel: 'email' | 'sms', to: string | null, error: unknown): Promise<StepOutcome> {
    if (!(error instanceof TemplateRenderError)) throw error;
    const reason = `the message could not be rendered: ${error.message}`;
    const from = channel === 'email' ? run.graph.settings.sender : run.graph.settings.smsSender;
    await this.enqueue(run, { channel, to, from, body: '', failure: reason });
    addNote(run.participant, run.now, run.node.id, reason);
    return end('dropout', 'failed delivery');
  }

  private async enqueue(run: StepRun, message: Omit<OutgoingMessage, 'key' | 'personId' | 'flowId' | 'participantId' | 'stepId'>, tokens?: TrackedAddress[]): Promise<void> {
    await run.send({
      ...message, key: run.messageKey, personId: run.personId, flowId: String(run.flow.id), participantId: String(run.participant.id), stepId: run.node.id,
    }, tokens);
  }

  private async template(run: StepRun, key: string): Promise<StoredTemplate> {
    // Once per batch of participants (the batch shares one entity manager), not once per message.
    let cache = this.templates.get(run.em);
    if (!cache) this.templates.set(run.em, (cache = new Map()));
    const template = cache.get(key) ?? (await this.templateLookup.byKey(run.em, key));
    if (template) cache.set(key, template);
    // Templates in use cannot be deleted or renamed away: this only happens to data edited behind the API.
    if (!template) throw new Error(`step ${run.node.id}: template "${key}" no longer exists`);
    return template;
  }

  private async attachments(run: StepRun, names: readonly string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const files = await this.files.newestByName(run.em, names);
    return names.map((name) => {
      const file = files.get(name);
      if (!file) throw new Error(`step ${run.node.id}: attachment "${name}" no longer exists`);
      return file.id;
    });
  }

  private zone(run: StepRun): string {
    return flowCalendar(this.config, run.graph).zone;
  }
}
