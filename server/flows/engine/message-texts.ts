import type { SmsMessage } from '@stroom/dsl';
import { renderOffLoop, renderTextOffLoop } from '../../templates/off-loop-render.js';
import type { MergeContext, TemplateSource } from '../../templates/template-engine.js';
import { plainTextHtml } from '../core/message-parties.js';

type Json = Record<string, unknown>;
/** The stored template with this key (the caller reads and caches it). */
export type TemplateOf = (key: string) => Promise<TemplateSource>;

/**
 * The texts of a flow's messages, rendered once for the engine (which sends them) and the
 * simulation (which shows them): a send step's template with its own subject, an SMS from its text or
 * template, a notification e-mail from a template or the step's subject and plain text (a
 * notification SMS is its text, rendered as it is). A text that cannot be rendered throws
 * TemplateRenderError.
 */

/** A subject on one line: the whitespace a template's line breaks leave becomes single spaces. */
function subjectLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A send-email step: its template, with the step's own subject over the template's when it has one. */
export async function sendEmailText(settings: { template: string; subject?: string }, context: MergeContext, zone: string, templateOf: TemplateOf): Promise<{ subject: string; body: string }> {
  const rendered = await renderOffLoop(await templateOf(settings.template), context, { zone });
  if (settings.subject) rendered.subject = subjectLine(await renderTextOffLoop(settings.subject, context, { zone }));
  return rendered;
}

/** A send-SMS step's text: its own, or its template's body. */
export async function smsText(message: SmsMessage, facts: Json, zone: string, templateOf: TemplateOf): Promise<string> {
  if (message.kind === 'text') return renderTextOffLoop(message.text, facts as MergeContext, { zone });
  return (await renderOffLoop(await templateOf(message.template), facts as MergeContext, { zone })).body;
}

/** A notify-email step: a template, or the step's subject and plain text as HTML (its address: `partyAddress`). */
export async function notificationEmail(settings: { template?: string; subject?: string; text?: string }, facts: Json, zone: string, templateOf: TemplateOf): Promise<{ subject: string; body: string }> {
  if (settings.template !== undefined) return renderOffLoop(await templateOf(settings.template), facts as MergeContext, { zone });
  return {
    subject: subjectLine(await renderTextOffLoop(settings.subject ?? '', facts as MergeContext, { zone })),
    body: plainTextHtml(await renderTextOffLoop(settings.text ?? '', facts as MergeContext, { zone })),
  };
}
