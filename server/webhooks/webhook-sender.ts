import http from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { isRefusal, type WebhookTargets } from './webhook-targets.js';

export interface WebhookRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string | null;
  timeoutMs: number;
}

/** `answered`: any HTTP status; `refused`: a target the policy forbids (never retried); `failed`: no answer (network, time-out). */
export type WebhookOutcome = { kind: 'answered'; status: number } | { kind: 'refused'; reason: string } | { kind: 'failed'; reason: string };

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Sends one webhook request and follows its redirects itself, so that every hop is judged by the
 * target policy and connects through the filtering agent (which checks the address after DNS).
 * The time-out covers the whole exchange, redirects included.
 */
export async function sendWebhook(request: WebhookRequest, targets: WebhookTargets): Promise<WebhookOutcome> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  let { method, body } = request;
  let url = request.url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { kind: 'refused', reason: `refused: "${url.slice(0, 200)}" is not an address` };
    }
    const verdict = targets.verdict(parsed);
    if (!verdict.allowed) return { kind: 'refused', reason: verdict.reason };
    const answer = await exchange(parsed, method, request.headers, body, verdict.agent, signal);
    if ('error' in answer) {
      if (isRefusal(answer.error)) return { kind: 'refused', reason: `refused: ${answer.error.message}` };
      return { kind: 'failed', reason: signal.aborted ? `no answer within ${request.timeoutMs} ms` : answer.error.message };
    }
    if (!REDIRECTS.has(answer.status) || !answer.location) return { kind: 'answered', status: answer.status };
    url = new URL(answer.location, parsed).toString();
    if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && method !== 'GET')) {
      method = 'GET';
      body = null;
    }
  }
  return { kind: 'failed', reason: `more than ${MAX_REDIRECTS} redirects` };
}

function exchange(
  url: URL, method: string, headers: Record<string, string>, body: string | null | undefined,
  agentOptions: ConstructorParameters<typeof RequestFilteringHttpAgent>[0], signal: AbortSignal,
): Promise<{ status: number; location?: string } | { error: Error }> {
  const secure = url.protocol === 'https:';
  const agent = secure ? new RequestFilteringHttpsAgent(agentOptions) : new RequestFilteringHttpAgent(agentOptions);
  const payload = body ? Buffer.from(body, 'utf8') : undefined;
  const allHeaders = { ...headers, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {}) };
  return new Promise((resolve) => {
    const request = (secure ? https : http).request(url, { method, headers: allHeaders, agent, signal }, (response) => {
      // Only the status counts; the body is read and dropped so the connection closes cleanly.
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
      response.on('error', (error) => resolve({ error }));
    });
    request.on('error', (error) => resolve({ error }));
    request.end(payload);
  }).finally(() => agent.destroy()) as Promise<{ status: number; location?: string } | { error: Error }>;
}
