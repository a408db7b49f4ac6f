import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { emailAddressProblem } from '@stroom/dsl';
import { z } from 'zod';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { fieldIssue, parseInput } from '../common/validation.js';
import { Outbox } from '../messaging/outbox.js';
import { Template } from './template.entity.js';
import { MergeContextBuilder } from './merge-context.js';
import { type MergeContext, renderTemplate, samplePerson, smsSegments, TemplateRenderError, type TemplateSource, validateTemplate } from './template-engine.js';

const previewBody = z.strictObject({
  personId: z.union([z.string(), z.number()]).transform(String).optional(),
  /** An unsaved draft (the editor's live preview): rendered instead of the stored text. */
  subject: z.string().max(1000).nullable().optional(),
  body: z.string().max(500_000).optional(),
});
const testSendBody = z.strictObject({
  to: z.string().min(3).max(255),
  personId: z.union([z.string(), z.number()]).transform(String).optional(),
});

/** A render that fails on the caller's text (past the cap, say) is a 400 at the part it concerns, not a 500. */
function renderedOr400(template: TemplateSource, context: MergeContext, zone: string): { subject: string; body: string } {
  try {
    return renderTemplate(template, context, { zone });
  } catch (error) {
    if (!(error instanceof TemplateRenderError)) throw error;
    const issue = fieldIssue(error.field, 'template.render_failed', { field: error.field, problem: error.problem });
    throw new BadInputError(error.message, { issues: [issue] }, { code: 'template.render_failed', params: issue.params });
  }
}

/** Renders a template for a person (or the sample person) and sends test messages through the outbox. */
@Injectable()
export class TemplateSender {
  constructor(
    private readonly em: EntityManager,
    private readonly merge: MergeContextBuilder,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async preview(id: string, body: unknown): Promise<{ subject: string | null; body: string; segments?: number }> {
    const { personId, ...draft } = parseInput(previewBody, body ?? {});
    const stored = await this.find(id);
    const template = { channel: stored.channel, subject: draft.subject !== undefined ? draft.subject : stored.subject, body: draft.body ?? stored.body };
    const problems = draft.subject !== undefined || draft.body !== undefined ? validateTemplate(template) : [];
    if (problems.length > 0) throw new BadInputError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), { issues: problems }, { code: 'template.invalid' });
    const rendered = renderedOr400(template, await this.context(personId), this.config.appTimezone);
    return { subject: template.channel === 'email' ? rendered.subject : null, body: rendered.body, ...(template.channel === 'sms' ? { segments: smsSegments(rendered.body) } : {}) };
  }

  async testSend(id: string, body: unknown) {
    const input = parseInput(testSendBody, body);
    const template = await this.find(id);
    if (template.channel === 'email' && emailAddressProblem(input.to) !== undefined) {
      throw new BadInputError('to: expected an e-mail address', { field: 'to' }, { code: 'template.test_to_email' });
    }
    const rendered = renderedOr400(template, await this.context(input.personId), this.config.appTimezone);
    return this.em.fork().transactional(async (em) => {
      const result = await this.outbox.enqueue(em, {
        channel: template.channel,
        key: `test-send:${template.key}:${randomUUID()}`,
        to: input.to,
        subject: template.channel === 'email' ? `[TEST] ${rendered.subject}` : null,
        body: rendered.body,
        segments: template.channel === 'sms' ? smsSegments(rendered.body) : null,
        personId: input.personId ?? null,
      });
      return { messageId: result.id, status: result.status };
    });
  }

  private async context(personId: string | undefined): Promise<MergeContext> {
    return personId ? this.merge.forPerson(personId) : samplePerson();
  }

  private async find(id: string): Promise<Template> {
    const template = /^\d{1,18}$/.test(id) ? await this.em.fork().findOne(Template, { id }) : null;
    if (!template) throw new NotFoundError(`No template with id ${JSON.stringify(id)}`, { code: 'record.not_found', params: { entity: 'template', id } });
    return template;
  }
}
