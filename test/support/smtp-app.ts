import { afterAll, beforeAll } from '@jest/globals';
import { type TestContext, useTestApp } from './lifecycle.js';
import { SmtpSink } from './smtp-sink.js';

/**
 * A test app on the manual clock that delivers to an SMTP sink of the test file's own: the sink
 * starts before the app and stops after it.
 */
export function useTestAppWithSmtp(env: Record<string, string> = {}): { smtp: SmtpSink; context: TestContext } {
  const smtp = new SmtpSink();
  beforeAll(async () => {
    await smtp.start();
  });
  afterAll(async () => smtp.stop());
  const context = useTestApp({ CLOCK: 'manual', ...env, get SMTP_URL() { return smtp.url; } } as Record<string, string>);
  return { smtp, context };
}
