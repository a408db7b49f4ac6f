import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';

/** The Forms page's server side: each form's flows and submissions, and the public address a web page posts to. */
const context = useTestApp({ CLOCK: 'manual', PUBLIC_URL: 'https://stroom.example' });
const call = (...args: Parameters<typeof context.app.call>) => context.app.call(...args);
const usageOf = async (key: string) => ((await call('GET', '/api/form-usage')).body.items as { key: string }[]).find((f) => f.key === key) as any;
const post = (key: string, body: string, accept = 'text/html', type = 'application/x-www-form-urlencoded') =>
  fetch(`${context.app.url}/f/${key}`, { method: 'POST', headers: { 'content-type': type, accept, 'accept-language': 'nl' }, body });
const changeEvents = async () => (await call('GET', '/api/change-events?entity=form&limit=1000')).body.total as number;

describe('form usage', () => {
  it('lists each form with its public address, submissions and the flows that trigger, wait for or count it', async () => {
    expect((await call('POST', '/api/forms', { key: 'contact-me', name: 'Neem contact met me op' })).status).toBe(201);
    expect((await call('POST', '/api/forms', { key: 'offerte', name: 'Offerte aanvragen' })).status).toBe(201);
    expect((await call('POST', '/api/forms', { key: 'ongebruikt', name: 'Nergens gebruikt' })).status).toBe(201);
    const source = `flow "Leads" {\n  trigger form "contact-me" submitted\n  success when form "offerte" submitted then stop\n\n  wait for form "offerte" submitted at most 14 days else leave\n}\n`;
    const flow = await call('POST', '/api/flows', { source });
    expect(flow.status).toBe(201);
    expect((await call('POST', '/api/forms/contact-me/submissions', { person: { email: 'eva@example.nl' } })).status).toBe(201);
    expect((await call('POST', '/api/forms/contact-me/submissions', { person: { email: 'bram@example.nl' } })).status).toBe(201);

    const contact = await usageOf('contact-me');
    expect(contact).toMatchObject({ submitUrl: 'https://stroom.example/f/contact-me', submissions: 2 });
    expect(contact.flows).toEqual([{ id: flow.body.id, name: 'Leads', status: 'not_running', uses: ['trigger'] }]);
    expect((await usageOf('offerte')).flows[0].uses).toEqual(['wait', 'success']);
    expect(await usageOf('ongebruikt')).toMatchObject({ submissions: 0, flows: [] });
  });
});

describe('the public address POST /f/:key', () => {
  it('takes a web form\'s fields without credentials: the person by e-mail, the rest as answers, a thank-you page', async () => {
    const before = (await usageOf('contact-me')).submissions;
    const response = await post('contact-me', 'email=Noor%40Example.nl&firstName=Noor&lastName=&interesse=zonnepanelen&interesse=isolatie');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Bedankt!');
    expect((await usageOf('contact-me')).submissions).toBe(before + 1);
    const persons = (await call('GET', '/api/persons?q=noor@example.nl')).body.items;
    expect(persons).toHaveLength(1);
    expect(persons[0]).toMatchObject({ firstName: 'Noor', lastName: null });
    const event = (await call('GET', `/api/change-events?entity=form&limit=1`)).body.items[0];
    expect(event).toMatchObject({ kind: 'submitted', actor: 'web-form', data: { form_key: 'contact-me', person_id: persons[0].id, answers: { interesse: ['zonnepanelen', 'isolatie'] } } });
  });

  it('answers a script with 201 and says nothing about whether the person was known', async () => {
    const response = await post('contact-me', JSON.stringify({ email: 'eva@example.nl', bericht: 'Bel me' }), 'application/json', 'application/json');
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ received: true });
  });

  it('refuses a missing e-mail address, an unknown form and nested answers, and records nothing', async () => {
    const before = await changeEvents();
    const noEmail = await post('contact-me', 'firstName=Anoniem');
    expect(noEmail.status).toBe(400);
    expect(await noEmail.text()).toContain('email');
    const unknown = await post('bestaat-niet', 'email=x%40example.nl');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Formulier niet gevonden');
    const nested = await post('contact-me', JSON.stringify({ email: 'x@example.nl', extra: { a: 1 } }), 'application/json', 'application/json');
    expect(nested.status).toBe(400);
    expect(((await nested.json()) as { details: { issues: { field: string }[] } }).details.issues[0]!.field).toBe('extra');
    const many = await post('contact-me', JSON.stringify({ email: 'x@example.nl', ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`v${i}`, 'x'])) }), 'application/json', 'application/json');
    expect(many.status).toBe(400);
    expect(await changeEvents()).toBe(before);
  });
});
