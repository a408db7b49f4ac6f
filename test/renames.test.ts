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

  it('refuses to delete a template, selection or status that rules still use, naming the rules', async () => {
    const template = (await call('POST', '/api/templates', { key: 'in-gebruik', name: 'In gebruik', channel: 'email', subject: 'Hoi', body: 'x' })).body;
    const spare = (await call('POST', '/api/templates', { key: 'vrij', name: 'Vrij', channel: 'email', subject: 'Hoi', body: 'x' })).body;
    const selection = (await call('POST', '/api/selections', { name: 'Zwarte lijst' })).body;
    const status = (await call('POST', '/api/statuses', { kind: 'intake_measure', name: 'Wacht op offerte' })).body;
    await call('POST', '/api/workflows', { source: 'workflow "Gebruikt" {\n  on intake_measure.status changed to "Wacht op offerte"\n  send email "in-gebruik" to person\n}' });
    await call('POST', '/api/flows', { source: 'flow "Gebruikt ook" {\n  trigger manual\n  exclude selection "Zwarte lijst"\n  send email "in-gebruik"\n}' });

    const res = await call('DELETE', `/api/templates/${template.id}`);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('Cannot delete template "in-gebruik": it is used by workflow "Gebruikt", flow "Gebruikt ook"');
    expect((await call('DELETE', `/api/selections/${selection.id}`)).body.details.rules).toEqual(['flow "Gebruikt ook"']);
    expect((await call('DELETE', `/api/statuses/${status.id}`)).body.details.rules).toEqual(['workflow "Gebruikt"']);
    expect((await call('DELETE', `/api/templates/${spare.id}`)).status).toBe(204);
  });
});
