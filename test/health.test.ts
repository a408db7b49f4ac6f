import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';

describe('service on a PostgreSQL server', () => {
  const context = useTestApp();

  it('answers health without credentials', async () => {
    const res = await context.app.call('GET', '/api/health', undefined, null);
    expect(res).toMatchObject({ status: 200, body: { status: 'ok', database: 'postgresql' } });
  });

  it('seeds the reference data: statuses and task type Bellen', async () => {
    const quote = await context.app.call('GET', '/api/statuses?kind=quote_request&limit=100');
    expect(quote.body.total).toBe(17);
    expect(quote.body.items.map((s: { name: string }) => s.name)).toContain('Offertezoek - Offerte aangevraagd');
    const opportunity = await context.app.call('GET', '/api/statuses?kind=opportunity');
    expect(opportunity.body.items.map((s: { name: string }) => s.name)).toEqual(['Nieuw', 'In behandeling', 'Offerte verstuurd', 'Gewonnen', 'Verloren']);
    const intake = await context.app.call('GET', '/api/statuses?kind=intake_measure');
    expect(intake.body.items.map((s: { name: string }) => s.name)).toEqual(['Aangemeld', 'Intake gepland', 'Intake uitgevoerd', 'Maatregel uitgevoerd', 'Afgewezen']);
    const types = await context.app.call('GET', '/api/task-types');
    expect(types.body.items.map((t: { name: string }) => t.name)).toEqual(['Bellen']);
  });

  it('seeds no demo data on a PostgreSQL server', async () => {
    const persons = await context.app.call('GET', '/api/persons');
    expect(persons.body.total).toBe(0);
  });

  it('describes the API in OpenAPI, generated from the code', async () => {
    const doc = await context.app.call('GET', '/api/docs-json', undefined, null);
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    for (const path of ['/api/persons', '/api/persons/{id}', '/api/quote-requests', '/api/selections/{id}/members', '/api/auth/login', '/api/change-events', '/api/health']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    expect(doc.body.paths['/api/persons'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('firstName');
    const ui = await fetch(`${context.app.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});
