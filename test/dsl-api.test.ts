import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp();

describe('DSL API', () => {
  it('checks against the database: known names pass, unknown ones are diagnostics at their position', async () => {
    await context.app.call('POST', '/api/templates', { key: 'offerte-aangevraagd', name: 'Offerte', channel: 'email', subject: 'Uw offerte', body: 'Beste {{ person.first_name }}' });
    const good = 'workflow "Offerte aangevraagd" {\n  on quote_request.status changed to "Offertezoek - Offerte aangevraagd"\n  after 3 days send email "offerte-aangevraagd" to person\n  remind every 7 days at most 3 times\n}\n';
    const ok = await context.app.call('POST', '/api/dsl/check', { source: good });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ ok: true, diagnostics: [] });

    const bad = good.replace('offerte-aangevraagd"', 'bestaat-niet"').replace('Offertezoek - Offerte aangevraagd"', 'Offertezoek - Offerte zoek"');
    const res = await context.app.call('POST', '/api/dsl/check', { source: bad });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    const messages = res.body.diagnostics.map((d: { line: number; message: string }) => `${d.line}: ${d.message}`);
    expect(messages.some((m: string) => m.startsWith('3:') && m.includes('bestaat-niet'))).toBe(true);
    expect(messages.some((m: string) => m.startsWith('2:') && m.includes('Offertezoek - Offerte zoek'))).toBe(true);
  });

  it('reports syntax errors with line, column and length, several at once', async () => {
    const res = await context.app.call('POST', '/api/dsl/check', { source: 'workflow "x" {\n  on task expird\n  send email to\n}\n' });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.diagnostics.length).toBeGreaterThanOrEqual(2);
    expect(res.body.diagnostics[0]).toMatchObject({ line: 2, column: 11, length: 6, severity: 'error' });
  });

  it('formats to the canonical form and leaves unparsable text as it is', async () => {
    const res = await context.app.call('POST', '/api/dsl/format', { source: 'workflow   "x"{\non task expired\nsend email "t" to responsible }' });
    expect(res.body).toMatchObject({ ok: true, source: 'workflow "x" {\n  on task expired\n  send email "t" to responsible\n}\n' });
    const broken = await context.app.call('POST', '/api/dsl/format', { source: 'workflow {' });
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({ ok: false, source: 'workflow {' });
  });

  it('answers 200 for any text and 400 only for a body without source', async () => {
    for (let i = 0; i < 20; i++) {
      const source = randomBytes(200 + i * 50).toString('latin1');
      expect((await context.app.call('POST', '/api/dsl/check', { source })).status).toBe(200);
      expect((await context.app.call('POST', '/api/dsl/format', { source })).status).toBe(200);
    }
    expect((await context.app.call('POST', '/api/dsl/check', {})).status).toBe(400);
    expect((await context.app.call('POST', '/api/dsl/format', { text: 'x' })).status).toBe(400);
    expect((await context.app.call('POST', '/api/dsl/check', { source: 'x', mode: 'later' })).status).toBe(400);
  });
});
