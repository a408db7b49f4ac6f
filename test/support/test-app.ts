import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../server/app.js';
import { loadConfig, type AppConfig } from '../../server/config/config.js';
import { AnswerValidation, type UndocumentedAnswer } from './answer-validation.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  close(): Promise<void>;
  /**
   * A JSON call as the admin token (or the given token; null for none). It asks for English
   * (`Accept-Language: en`), the language the tests compare messages in, unless `language` says
   * otherwise (null: no Accept-Language of its own).
   */
  call(method: string, path: string, body?: unknown, token?: string | null, options?: { language?: string | null }): Promise<{ status: number; body: any; headers: Headers }>;
  /**
   * From now on every answer `call` gets is checked against the service's OpenAPI document: a
   * status or body the document does not describe fails the call (and so the test) at once, or is
   * handed to `onProblem` to collect.
   */
  validateAnswers(onProblem?: (problem: UndocumentedAnswer) => void): Promise<void>;
}

/** Starts the whole application in this process on a free port (or on `PORT` when the env gives one). */
export async function startTestApp(env: Record<string, string | undefined>): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', ADMIN_API_TOKEN: ADMIN_TOKEN, SEED_DEMO: 'off', ADMIN_EMAIL: 'admin@test.example', ADMIN_PASSWORD: 'correct-horse-battery', ...env });
  const app = await createApp(config);
  await app.listen(config.port, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  let validation: AnswerValidation | undefined;
  let report: ((problem: UndocumentedAnswer) => void) | undefined;
  return {
    app,
    config,
    url,
    close: () => closeWithin(app, CLOSE_WAIT_MS),
    async call(method, path, body, token = ADMIN_TOKEN, options = {}) {
      const headers: Record<string, string> = {};
      const language = options.language === undefined ? 'en' : options.language;
      if (language !== null) headers['accept-language'] = language;
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(url + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      const problem = validation?.check(method, path, response.status, response.headers.get('content-type'), parsed);
      if (problem && report) report(problem);
      else if (problem) throw new Error(`answer not as documented: ${JSON.stringify(problem).slice(0, 2000)}`);
      return { status: response.status, body: parsed, headers: response.headers };
    },
    async validateAnswers(onProblem) {
      report = onProblem;
      const doc = await (await fetch(`${url}/api/docs-json`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
      validation = new AnswerValidation(doc as Record<string, unknown>);
    },
  };
}

/** Past this, a close is reported (with what keeps the process busy) and the test goes on. */
const CLOSE_WAIT_MS = 20_000;

/**
 * Closes the app, waiting at most `ms`. A close that takes longer is a product fault to look into,
 * not a reason to lose a whole test file: it is reported on stderr with the handles still open.
 */
async function closeWithin(app: INestApplication, ms: number): Promise<void> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const result = await Promise.race([app.close().then(() => 'closed' as const), late]);
  clearTimeout(timer);
  if (result === 'late') {
    process.stderr.write(`test app: close still running after ${Date.now() - started} ms; open: ${JSON.stringify(process.getActiveResourcesInfo())}\n`);
  }
}
