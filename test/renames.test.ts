import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp();
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);

describe('renaming what rules refer to rewrites the rules in the same transaction', () => {
  it('follows a template key, a status and a selection into workflows and flows, as new versions', async () => {
    const template = (await call('POST', '/api/templates', { key: 'oud', name: 'Oud', channel: 'email', subject: 'Hoi', body: 'x' })).body;
    const selection = (await call('POST', '/api/selections', { name: 'Afmeldingen' })).body;
    const status = (await call('GET', '/api/statuses?kind=opportunity&name=Gewonnen')).body.items[0];
    const workflow = (await call('POST', '/api/workflows', { source: 'workflow "Kans gewonnen" {\n  # na winst\n  on opportunity.status changed to "Gewonnen"\n  send email "oud" to person\n}' })).body;
    const flow = (await call('POST', '/api/flows', { source: 'flow "Welkom" {\n  trigger manual\n  exclude selection "Afmeldingen"\n  send email "oud"\n}' })).body;

    expect((await call('PATCH', `/api/templates/${template.id}`, { key: 'nieuw' })).status).toBe(200);
    expect((await call('PATCH', `/api/statuses/${status.id}`, { name: 'Binnen' })).status).toBe(200);
    expect((await call('PATCH', `/api/selections/${selection.id}`, { name: 'Uitgeschreven' })).status).toBe(200);

    const rewritten = (await call('GET', `/api/workflows/${workflow.id}`)).body;
    expect(rewritten.source).toContain('send email "nieuw" to person');
    expect(rewritten.source).toContain('changed to "Binnen"');
    expect(rewritten.source).toContain('# na winst');
    expect(rewritten.version).toBe(3);
    const versions = (await call('GET', `/api/workflows/${workflow.id}/versions`)).body.items;
    expect(versions[0].author).toBe('rename: status "Gewonnen" → "Binnen"');

    const flowSource = (await call('GET', `/api/flows/${flow.id}`)).body.source;
    expect(flowSource).toContain('exclude selection "Uitgeschreven"');
    expect(flowSource).toContain('send email "nieuw"');
    expect((await call('POST', '/api/dsl/check', { source: rewritten.source })).body.ok).toBe(true);
  });
});
