// DSL diagnostics over HTTP: a stable code, the name meant, and the message in the caller's language.
import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';
import { ADMIN_TOKEN } from './support/test-app.js';

const context = useTestApp();

async function call(method: string, path: string, body: unknown, language?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
  if (language !== undefined) headers['accept-language'] = language;
  const response = await fetch(context.app.url + path, { method, headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

const misspelled = 'workflow "Welkom" {\n  on person created\n  send email "welkon" to person\n}\n';

describe('DSL diagnostics in two languages', () => {
  it('answers a check with code, suggestion and a message in Accept-Language (Dutch by default)', async () => {
    await context.app.call('POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom', body: 'Hallo' });
    const dutch = await call('POST', '/api/dsl/check', { source: misspelled }, 'nl-NL,nl;q=0.9');
    expect(dutch.status).toBe(200);
    expect(dutch.body.diagnostics).toEqual([expect.objectContaining({
      line: 3, column: 14, severity: 'error', code: 'unknown-template', suggestion: 'welkom', params: { name: 'welkon' },
      message: 'onbekend sjabloon "welkon"',
    })]);
    const english = await call('POST', '/api/dsl/check', { source: misspelled }, 'en-GB,en;q=0.8');
    expect(english.body.diagnostics[0]).toMatchObject({ code: 'unknown-template', suggestion: 'welkom', message: 'unknown template "welkon"' });
    const none = await call('POST', '/api/dsl/check', { source: misspelled });
    expect(none.body.diagnostics[0].message).toBe('onbekend sjabloon "welkon"');
  });

  it('suggests the keyword meant for a syntax error', async () => {
    const source = 'workflow "x" {\n  on person created\n  sned email "welkom" to person\n}\n';
    const res = await call('POST', '/api/dsl/check', { source }, 'en');
    expect(res.body.diagnostics).toEqual([expect.objectContaining({ line: 3, column: 3, code: 'unexpected-token', suggestion: 'send' })]);
  });

  it('reports a missing } where the block opened, in the request language', async () => {
    const res = await call('POST', '/api/dsl/check', { source: 'workflow "x" {\n  on person created\n' }, 'nl');
    expect(res.body.diagnostics).toEqual([expect.objectContaining({
      line: 1, column: 14, code: 'unclosed-block', message: 'dit blok, hier geopend, wordt niet gesloten: er ontbreekt een }',
    })]);
  });

  it('gives a refused workflow save its diagnostics in the request language', async () => {
    const dutch = await call('POST', '/api/workflows', { source: misspelled.replace('Welkom', 'Welkom 2') }, 'nl');
    expect(dutch.status).toBe(400);
    expect(dutch.body.details.diagnostics[0]).toMatchObject({ code: 'unknown-template', suggestion: 'welkom', message: 'onbekend sjabloon "welkon"' });
    expect(dutch.body.message).toContain('onbekend sjabloon "welkon"');
    const english = await call('POST', '/api/workflows', { source: misspelled.replace('Welkom', 'Welkom 2') }, 'en');
    expect(english.body.details.diagnostics[0].message).toBe('unknown template "welkon"');
    expect(english.body.message).toContain('unknown template "welkon"');
  });

  it('gives a refused flow save its diagnostics in the request language', async () => {
    const source = 'flow "F" {\n  trigger manual\n  wait 2 dyas\n}\n';
    const res = await call('POST', '/api/flows', { source }, 'nl');
    expect(res.status).toBe(400);
    expect(res.body.details.diagnostics[0]).toMatchObject({ code: 'unexpected-token', suggestion: 'days' });
    expect(res.body.details.diagnostics[0].message).toMatch(/verwacht.*gevonden/);
  });

  it('gives the problems of a flow that cannot start, and of its step graph, in the request language', async () => {
    const flow = await context.app.call('POST', '/api/flows', { source: 'flow "Zonder afzender" {\n  trigger manual\n  welkom: send email "welkom"\n}\n' });
    expect(flow.status).toBe(201);
    const start = await call('POST', `/api/flows/${flow.body.id}/start`, {}, 'nl');
    expect(start.status).toBe(409);
    expect(start.body.details.problems).toContainEqual(expect.objectContaining({
      stepId: 'welkom', code: 'missing-sender', message: 'deze e-mailstap heeft de afzender van de flow nodig: sender "Naam <adres>"',
    }));
    const graph = await fetch(`${context.app.url}/api/flows/${flow.body.id}/graph`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'accept-language': 'nl' } });
    const { nodes } = (await graph.json()) as { nodes: { problems: { code: string; message: string }[] }[] };
    expect(nodes[0]!.problems).toContainEqual(expect.objectContaining({ code: 'missing-reply-to', message: 'deze e-mailstap heeft het reply_to-adres van de flow nodig' }));
  });

  it('lists the names rules may refer to, for completion', async () => {
    await context.app.call('POST', '/api/selections', { name: 'Afmeldingen' });
    const res = await context.app.call('GET', '/api/dsl/names');
    expect(res.status).toBe(200);
    expect(res.body.templates).toContainEqual({ key: 'welkom', channel: 'email' });
    expect(res.body.selections).toContain('Afmeldingen');
    expect(Object.keys(res.body.statuses)).toEqual(['quote_request', 'opportunity', 'intake_measure']);
  });
});
