import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { EntityManager } from '@mikro-orm/core';
import { emailAddressProblem, smsCount, smsSegments, type Entity } from '@stroom/dsl';
import { randomUUID } from 'node:crypto';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { fieldIssue, RECORD_ID } from '../common/validation.js';
import { Outbox } from '../messaging/outbox.js';
import { plainTextOf } from '../messaging/plain-text.js';
import { compiledTemplate } from './template-compile.js';
import { Template, type TemplateDiagnostic } from './template.entity.js';
import { Clock } from '../clock/clock.js';
import type { Language } from '../common/request-language.js';
import { emptyVariables } from './empty-variables.js';
import { PreviewRecords, type RecordChoice } from './preview-records.js';
import { renderOffLoop } from './off-loop-render.js';
import type { PreviewBody, TestSendBody } from './template-actions-input.js';
import { type MergeContext, TemplateRenderError, type TemplateSource, validateTemplate, variablesOf } from './template-engine.js';

function chosenRecord<T extends { personId?: string; recordType?: Entity; recordId?: string }>(input: T): RecordChoice {
  if ((input.recordType === undefined) !== (input.recordId === undefined)) {
    const field = input.recordType === undefined ? 'recordType' : 'recordId';
    throw new BadInputError(`${field}: give recordType and recordId together`, { field }, { code: 'preview.record_pair', params: { field } });
  }
  if (input.recordType && input.recordId) return { recordType: input.recordType, recordId: input.recordId };
  return input.personId ? { recordType: 'person', recordId: input.personId } : {};
}

/** A render that fails on the caller's text (past the cap, say) is a 400 at the part it concerns, not a 500. */
async function renderedOr400(template: TemplateSource, context: MergeContext, zone: string): Promise<{ subject: string; body: string }> {
  try {
    return await renderOffLoop(template, context, { zone });
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
    private readonly records: PreviewRecords,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async preview(id: string, input: PreviewBody, language: Language = 'nl') {
    const em = this.em.fork();
    const stored = await this.find(em, id);
    const draft = input.subject !== undefined || input.body !== undefined || input.format !== undefined;
    const template: TemplateSource = {
      channel: stored.channel,
      format: input.format ?? stored.format,
      subject: input.subject !== undefined ? input.subject : stored.subject,
      body: input.body ?? stored.body,
      html: stored.html,
    };
    const problems = draft ? validateTemplate(template) : [];
    if (problems.length > 0) throw new BadInputError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), { issues: problems }, { code: 'template.invalid' });
    let warnings = stored.warnings ?? [];
    if (draft) ({ html: template.html, warnings } = await this.compiled(template));
    const data = await this.records.resolve(em, stored, chosenRecord(input), this.clock.now());
    const rendered = await renderedOr400(template, this.withUnsubscribe(data.context), this.config.appTimezone);
    const variables = [...new Set([...(template.subject ? variablesOf(template.subject) : []), ...variablesOf(template.body)])];
    return {
      subject: template.channel === 'email' ? rendered.subject : null,
      body: rendered.body,
      ...(template.channel === 'email' ? { text: plainTextOf(rendered.body), warnings } : { segments: smsSegments(rendered.body), sms: smsCount(rendered.body) }),
      record: { type: data.subject.kind, id: data.record?.id ?? null, sample: data.subject.sample },
      usedWith: data.usedWith,
      empty: emptyVariables(variables, data.context, data.subject, language),
    };
  }

  /** A draft compiled as a save would compile it (an MJML error is the same 400). */
  private async compiled(template: TemplateSource): Promise<{ html: string | null; warnings: TemplateDiagnostic[] }> {
    const compiled = await compiledTemplate({ channel: template.channel, format: template.format ?? 'html', body: template.body });
    return { html: compiled.html, warnings: compiled.warnings ?? [] };
  }

  async testSend(id: string, input: TestSendBody) {
    const em = this.em.fork();
    const template = await this.find(em, id);
    if (template.channel === 'email' && emailAddressProblem(input.to) !== undefined) {
      throw new BadInputError('to: expected an e-mail address', { field: 'to' }, { code: 'template.test_to_email' });
    }
    const data = await this.records.resolve(em, template, chosenRecord(input), this.clock.now());
    const rendered = await renderedOr400(template, this.withUnsubscribe(data.context), this.config.appTimezone);
    return this.em.fork().transactional(async (tx) => {
      const result = await this.outbox.enqueue(tx, {
        channel: template.channel,
        key: `test-send:${template.key}:${randomUUID()}`,
        to: input.to,
        subject: template.channel === 'email' ? `[TEST] ${rendered.subject}` : null,
        body: rendered.body,
        segments: template.channel === 'sms' ? smsSegments(rendered.body) : null,
        personId: data.personId,
      });
      return { messageId: result.id, status: result.status };
    });
  }

  /** A preview's unsubscribe link leads nowhere real. */
  private withUnsubscribe(context: MergeContext): MergeContext {
    return context.unsubscribe_url ? context : { ...context, unsubscribe_url: `${this.config.publicUrl}/u/preview` };
  }

  private async find(em: EntityManager, id: string): Promise<Template> {
    const template = RECORD_ID.test(id) ? await em.findOne(Template, { id }) : null;
    if (!template) throw new NotFoundError(`No template with id ${JSON.stringify(id)}`, { code: 'record.not_found', params: { entity: 'template', id } });
    return template;
  }
}
