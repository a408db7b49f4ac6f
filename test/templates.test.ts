import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);

const welkom = { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom {{ person.first_name }}', body: '<p>Hallo {{ person.full_name }} van {{ company.name }}</p><p>{{ our_contact.name }}</p>' };

describe('templates', () => {
  it('creates, reads, updates with PUT and PATCH, and validates on save', async () => {
    const made = await context.app.call('POST', '/api/templates', welkom);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject(welkom);
    const put = await context.app.call('PUT', `/api/templates/${made.body.id}`, { subject: 'Hoi {{ person.first_name | upcase }}' });
    expect(put).toMatchObject({ status: 200, body: { subject: 'Hoi {{ person.first_name | upcase }}' } });
    expect((await context.app.call('PATCH', `/api/templates/${made.body.id}`, { name: 'Welkom!' })).body.name).toBe('Welkom!');
    expect((await context.app.call('POST', '/api/templates', welkom)).status).toBe(409);
  });

  it.each([
    [{ body: 'Hallo {{ person.shoe_size }}' }, 'person.shoe_size'],
    [{ body: 'Hallo {{ person.first_name | shout }}' }, 'shout'],
    [{ body: 'Hallo {% if person.first_name %}' }, 'body'],
    [{ subject: null }, 'subject'],
    [{ key: 'met spatie' }, 'key'],
  ])('refuses %j with a 400 naming %s, and stores nothing', async (change, named) => {
    const before = (await context.app.call('GET', '/api/templates')).body.total;
    const res = await context.app.call('POST', '/api/templates', { ...welkom, key: `bad-${Math.random().toString(36).slice(2)}`, ...change });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(named);
    expect((await context.app.call('GET', '/api/templates')).body.total).toBe(before);
  });

  it('accepts an SMS template without subject, and Liquid tags and filters', async () => {
    const res = await context.app.call('POST', '/api/templates', { key: 'sms-dank', name: 'Dank', channel: 'sms', body: 'Dank {{ person.first_name | default: "je" }}! {% if company %}{{ company.name }}{% endif %}' });
    expect(res.status).toBe(201);
  });

  it('previews on a person with values escaped in the HTML body, and on the sample person', async () => {
    const employee = (await context.app.call('POST', '/api/employees', { name: 'Sanne', email: 'sanne@stroom.test' })).body;
    const company = (await context.app.call('POST', '/api/companies', { name: 'Zon & Co' })).body;
    const person = (await context.app.call('POST', '/api/persons', { firstName: '<b>Anna</b>', lastName: 'Jong', companyId: company.id, ourContactId: employee.id })).body;
    const template = (await context.app.call('GET', '/api/templates?key=welkom')).body.items[0];
    const preview = await context.app.call('POST', `/api/templates/${template.id}/preview`, { personId: person.id });
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('Hoi <B>ANNA</B>');
    expect(preview.body.body).toBe('<p>Hallo &lt;b&gt;Anna&lt;/b&gt; Jong van Zon &amp; Co</p><p>Sanne</p>');
    const sample = await context.app.call('POST', `/api/templates/${template.id}/preview`, {});
    expect(sample.status).toBe(200);
    expect(sample.body.body).toMatch(/^<p>Hallo \S+/);
    expect((await context.app.call('POST', `/api/templates/${template.id}/preview`, { personId: '999999' })).status).toBe(404);
  });

  it('previews an unsaved draft (the editor\'s live preview), with its problems as a 400 per field', async () => {
    const template = (await context.app.call('GET', '/api/templates?key=welkom')).body.items[0];
    const draft = await context.app.call('POST', `/api/templates/${template.id}/preview`, { subject: 'Nieuw {{ person.first_name }}', body: '<p>Concept voor {{ person.last_name }}</p>' });
    expect(draft.status).toBe(200);
    expect(draft.body.subject).toMatch(/^Nieuw \S+/);
    expect(draft.body.body).toMatch(/^<p>Concept voor [^<]+<\/p>$/);
    const bad = await context.app.call('POST', `/api/templates/${template.id}/preview`, { body: '<p>{{ person.shoe_size }}</p>' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues).toEqual([{ field: 'body', code: 'template.unknown_variable', params: { variable: 'person.shoe_size' }, message: 'unknown variable "person.shoe_size"' }]);
    expect((await context.app.call('GET', `/api/templates/${template.id}`)).body.body).not.toContain('Concept');
  });

  it('test-sends through the outbox to the SMTP server', async () => {
    const template = (await context.app.call('GET', '/api/templates?key=welkom')).body.items[0];
    const res = await context.app.call('POST', `/api/templates/${template.id}/test-send`, { to: 'test@example.nl' });
    expect(res.status).toBe(200);
    await context.app.call('POST', '/api/clock/advance', { by: 'PT1S' });
    const messages = await context.app.call('GET', '/api/messages?to=test@example.nl');
    expect(messages.body.items[0]).toMatchObject({ status: 'sent', subject: expect.stringMatching(/^\[TEST\] Hoi /) });
    expect(smtp.received.some((m) => m.to.includes('test@example.nl'))).toBe(true);
    expect((await context.app.call('POST', `/api/templates/${template.id}/test-send`, { to: 'geen-adres' })).status).toBe(400);
  });
});
