import type { WebhookHeader } from '@stroom/dsl';
import { renderText, type MergeContext } from '../../templates/template-engine.js';

export interface WebhookSettings {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: WebhookHeader[];
  body?: string;
  timeoutMs?: number;
}

/** Every text of the facts passed through `escape`: merge variables land safely in an address or a JSON text. */
function escapedFacts(value: unknown, escape: (text: string) => string): unknown {
  if (typeof value === 'string') return escape(value);
  if (Array.isArray(value)) return value.map((item) => escapedFacts(item, escape));
  if (value instanceof Date) return escape(value.toISOString());
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapedFacts(item, escape)]));
  }
  return value;
}

const jsonText = (text: string): string => JSON.stringify(text).slice(1, -1);

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A webhook step's call for these facts: the address (values URL-encoded) and the JSON body
 * (values JSON-escaped); `notJson` when the body is no JSON once the merge variables are filled in
 * (the step then does not call).
 */
export function webhookRequest(settings: WebhookSettings, facts: Record<string, unknown>, zone: string): { url: string; body: string | null } | { notJson: true } {
  const url = renderText(settings.url, escapedFacts(facts, encodeURIComponent) as MergeContext, { zone });
  const body = settings.body === undefined ? null : renderText(settings.body, escapedFacts(facts, jsonText) as MergeContext, { zone });
  if (body !== null && !isJson(body)) return { notJson: true };
  return { url, body };
}
