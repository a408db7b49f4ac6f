import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { RenderFailure, renderTemplateSync, renderTextSync } from './liquid-core.mjs';
import { renderedBody, type MergeContext, type RenderOptions, type TemplateSource } from './template-engine.js';
import { Remembered } from '@stroom/dsl';

/**
 * What a render may take on the main thread (ms). Nearly every e-mail renders in well under a
 * millisecond; one that needs more is stopped here and rendered again in a render thread with the
 * full cap, so slow templates never hold the event loop (and with it every other request).
 */
export const MAIN_THREAD_BUDGET_MS = 20;

type WorkerAnswer<T> = { ok: true; value: T } | { ok: false; field: 'subject' | 'body'; problem: string; pastLimit: boolean; line?: number; column?: number };

let threads: Piscina | undefined;

function pool(): Piscina {
  threads ??= new Piscina({
    filename: new URL('./render-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: 128 },
  });
  return threads;
}

async function inThread<T>(task: Record<string, unknown>): Promise<T> {
  const answer = (await pool().run(task)) as WorkerAnswer<T>;
  if (!answer.ok) throw new RenderFailure(answer.field, answer.problem, answer.pastLimit, answer.line, answer.column);
  return answer.value;
}

/** Texts that ran past the budget lately (by hash): they go to a render thread at once. */
const slowTexts = new Set<string>();
const SLOW_TEXTS_KEPT = 200;

function slowKey(...texts: (string | null | undefined)[]): string {
  const joined = texts.map((t) => t ?? '').join('\u0000');
  // A campaign renders the same few texts thousands of times: each is hashed once.
  return hashes.get(joined, (text) => createHash('sha1').update(text).digest('base64'));
}

const hashes = new Remembered<string, string>(1000);

function pastBudget(error: unknown, key: string): boolean {
  if (!(error instanceof RenderFailure && error.pastLimit)) return false;
  if (slowTexts.size >= SLOW_TEXTS_KEPT) slowTexts.delete(slowTexts.values().next().value!);
  slowTexts.add(key);
  return true;
}

/** `renderTemplate`, with anything past the main thread's budget finished in a render thread. */
export async function renderOffLoop(template: TemplateSource, context: MergeContext, options: RenderOptions = {}): Promise<{ subject: string; body: string }> {
  const source = { channel: template.channel, subject: template.subject ?? null, body: renderedBody(template) };
  const key = slowKey(source.subject, source.body);
  if (!slowTexts.has(key)) {
    try {
      return renderTemplateSync(source, context, { zone: options.zone, renderLimit: MAIN_THREAD_BUDGET_MS });
    } catch (error) {
      if (!pastBudget(error, key)) throw error;
    }
  }
  return inThread({ source, context, zone: options.zone });
}

/** `renderText`, with anything past the main thread's budget finished in a render thread. */
export async function renderTextOffLoop(text: string, context: MergeContext, options: RenderOptions & { escapeHtml?: boolean } = {}): Promise<string> {
  const key = slowKey(text);
  if (!slowTexts.has(key)) {
    try {
      return renderTextSync(text, context, { ...options, renderLimit: MAIN_THREAD_BUDGET_MS });
    } catch (error) {
      if (!pastBudget(error, key)) throw error;
    }
  }
  return inThread({ text, context, zone: options.zone, escapeHtml: options.escapeHtml ?? false });
}

/** Stops the render threads (at shutdown). */
export async function closeRenderThreads(): Promise<void> {
  const closing = threads;
  threads = undefined;
  await closing?.destroy();
}
