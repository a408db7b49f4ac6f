import { describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { useTestAppWithSmtp } from './support/smtp-app.js';
import { ADMIN_TOKEN } from './support/test-app.js';

// MJML templates compiled at save, the plain-text part, e-mail images, attachment totals and "where used".
const { smtp, context } = useTestAppWithSmtp();
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);

const MJML = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Beste {{ person.first_name }},</mj-text>
        <mj-button href="https://energieloket.example/afspraak">Maak een afspraak</mj-button>
        <mj-text><a href="{{ unsubscribe_url }}">Afmelden</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3d9d0a50000000049454e44ae426082', 'hex');
const PDF = '%PDF-1.4 folder';

async function upload(path: string, content: Buffer | string, name: string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([content], { type }), name);
  const res = await fetch(`${context.app.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

describe('MJML templates', () => {
  it('compiles MJML at save, answers the HTML read-only, and keeps Liquid for the send', async () => {
    const made = await call('POST', '/api/templates', { key: 'nieuwsbrief', name: 'Nieuwsbrief', channel: 'email', format: 'mjml', subject: 'Nieuws voor {{ person.first_name }}', body: MJML });
    expect(made.status).toBe(201);
    expect(made.body.format).toBe('mjml');
    expect(made.body.html).toContain('<!doctype html>');
    expect(made.body.html).toContain('Beste {{ person.first_name }},');
    expect(made.body.html).toContain('@media only screen'); // responsive columns
    // A PUT of what GET gave, with the HTML in it, is accepted; the HTML follows the MJML, not the body of the request.
    const got = (await call('GET', `/api/templates/${made.body.id}`)).body;
    const put = await call('PUT', `/api/templates/${made.body.id}`, { ...got, body: MJML.replace('Maak een afspraak', 'Plan een bezoek'), html: '<p>eigen</p>' });
    expect(put.status).toBe(200);
    expect(put.body.html).toContain('Plan een bezoek');
    expect(put.body.html).not.toContain('<p>eigen</p>');
  });

  it('refuses MJML with errors: a 400 naming each problem at its line, nothing stored', async () => {
    const before = (await call('GET', '/api/templates')).body.total;
    const broken = MJML.replace('<mj-button href', '<mj-button colour="rood" href').replace('<mj-text>Beste', '<mj-txet>Beste').replace(',</mj-text>', ',</mj-txet>');
    const res = await call('POST', '/api/templates', { key: 'kapot', name: 'Kapot', channel: 'email', format: 'mjml', subject: 'Kapot', body: broken });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('template.mjml_invalid');
    const lines = res.body.details.diagnostics.map((d: { line: number }) => d.line);
    expect(lines).toEqual(expect.arrayContaining([5, 6]));
    expect(res.body.message).toMatch(/line 5: .*mj-txet/);
    expect(res.body.message).toMatch(/line 6: .*colour/);
    expect((await call('GET', '/api/templates')).body.total).toBe(before);
    expect((await call('POST', '/api/templates', { key: 'sms-mjml', name: 'SMS', channel: 'sms', format: 'mjml', body: 'Hoi' })).body.details.field).toBe('format');
  });

  it('warns, at the line, about an image without alternative text', async () => {
    const withImage = MJML.replace('<mj-button', '<mj-image src="https://energieloket.example/logo.png"></mj-image>\n        <mj-button');
    const res = await call('POST', '/api/templates', { key: 'met-beeld', name: 'Met beeld', channel: 'email', format: 'mjml', subject: 'Beeld', body: withImage });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([{ line: 6, tagName: 'mj-image', message: expect.stringContaining('alt') }]);
  });

  it('previews exactly what a test send delivers, with a plain-text part made from the HTML', async () => {
    const template = (await call('GET', '/api/templates?key=nieuwsbrief')).body.items[0];
    const person = (await call('POST', '/api/persons', { firstName: 'Fenna', lastName: 'Bos', email: 'fenna@example.nl' })).body;
    const preview = await call('POST', `/api/templates/${template.id}/preview`, { personId: person.id });
    expect(preview.status).toBe(200);
    expect(preview.body.body).toContain('Beste Fenna,');
    expect(preview.body.text).toContain('Beste Fenna,');
    expect(preview.body.text).toContain('Plan een bezoek [https://energieloket.example/afspraak]');
    expect(preview.body.text).not.toContain('<');

    const sent = await call('POST', `/api/templates/${template.id}/test-send`, { to: 'proef@example.nl', personId: person.id });
    expect(sent.status).toBe(200);
    await call('POST', '/api/clock/advance', { by: 'PT1S' });
    const mail = smtp.received.find((m) => m.to.includes('proef@example.nl'));
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.html).toBe(preview.body.body);
    expect(parsed.text?.trim()).toBe(preview.body.text);
  });

  it('sends a designed e-mail from a workflow: the compiled HTML with the person filled in, and its text part', async () => {
    expect((await call('POST', '/api/workflows', { source: 'workflow "Nieuwsbrief bij aanmelding" {\n  on person created\n  send email "nieuwsbrief" to person\n}\n' })).status).toBe(201);
    expect((await call('POST', '/api/persons', { firstName: 'Gijs', lastName: 'Meijer', email: 'gijs@example.nl' })).status).toBe(201);
    await call('POST', '/api/clock/advance', { by: 'PT1M' });
    const mail = smtp.received.find((m) => m.to.includes('gijs@example.nl'));
    expect(mail).toBeDefined();
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.subject).toBe('Nieuws voor Gijs');
    expect(parsed.html).toContain('Beste Gijs,');
    expect(parsed.html).toContain('@media only screen');
    expect(parsed.html).not.toContain('{{');
    expect(parsed.text).toContain('Beste Gijs,');
    expect(parsed.text).toContain('Plan een bezoek');
  });

  it('gives every e-mail a plain-text part, also an HTML template of before', async () => {
    const old = (await call('POST', '/api/templates', { key: 'oud', name: 'Oud', channel: 'email', subject: 'Oud', body: '<p>Hallo {{ person.first_name }}</p><p><a href="https://example.nl/x">Lees meer</a></p>' })).body;
    expect(old).toMatchObject({ format: 'html', html: null });
    const preview = (await call('POST', `/api/templates/${old.id}/preview`, {})).body;
    expect(preview.body).toBe('<p>Hallo Anna</p><p><a href="https://example.nl/x">Lees meer</a></p>');
    expect(preview.text).toBe('Hallo Anna\n\nLees meer [https://example.nl/x]');
    await call('POST', `/api/templates/${old.id}/test-send`, { to: 'oud@example.nl' });
    await call('POST', '/api/clock/advance', { by: 'PT1S' });
    const parsed = await simpleParser(smtp.received.find((m) => m.to.includes('oud@example.nl'))!.raw);
    expect(parsed.html).toBe(preview.body);
    expect(parsed.text?.trim()).toBe(preview.text);
  });

  it('previews an unsaved MJML draft as a save would compile it, and refuses a broken one the same way', async () => {
    const template = (await call('GET', '/api/templates?key=oud')).body.items[0];
    const draft = await call('POST', `/api/templates/${template.id}/preview`, { format: 'mjml', body: MJML });
    expect(draft.status).toBe(200);
    expect(draft.body.body).toContain('Beste Anna,');
    const broken = await call('POST', `/api/templates/${template.id}/preview`, { format: 'mjml', body: '<mjml><mj-body><mj-section><mj-colum></mj-colum></mj-section></mj-body></mjml>' });
    expect(broken.status).toBe(400);
    expect(broken.body.details.diagnostics[0]).toMatchObject({ line: 1, message: expect.stringContaining('mj-colum') });
  });

  it('counts the rendered SMS as the sender does', async () => {
    const sms = (await call('POST', '/api/templates', { key: 'sms-lang', name: 'Lang', channel: 'sms', body: `${'a'.repeat(156)} {{ person.first_name }}` })).body;
    const preview = (await call('POST', `/api/templates/${sms.id}/preview`, {})).body;
    expect(preview.sms).toMatchObject({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(preview.segments).toBe(2);
    const unicode = (await call('POST', `/api/templates/${sms.id}/preview`, { body: 'Tot morgen 👋' })).body;
    expect(unicode.sms).toMatchObject({ encoding: 'ucs2', segments: 1, unicodeCharacter: '👋' });
  });
});

describe('where a template is used', () => {
  it('lists the workflows (with their status setting) and flows that name it; delete is a 409 naming them', async () => {
    const template = (await call('POST', '/api/templates', { key: 'gebruikt', name: 'Gebruikt', channel: 'email', subject: 'Hallo', body: '<p>Hallo</p>' })).body;
    expect((await call('GET', `/api/templates/${template.id}/usage`)).body).toEqual({ workflows: [], flows: [] });
    const workflow = (await call('POST', '/api/workflows', { source: 'workflow "Welkom nieuwe persoon" {\n  on person created\n  send email "gebruikt" to person\n}\n' })).body;
    expect(workflow.id).toBeDefined();
    const statuses = (await call('GET', '/api/workflow-settings/quote-request-statuses')).body.items;
    const status = statuses[0];
    expect((await call('PUT', `/api/workflow-settings/quote-request-statuses/${status.id}`, { ...status, active: true, templateKey: 'gebruikt', delayDays: 0, recipient: 'person', sendReminder: false })).status).toBe(200);
    const flow = (await call('POST', '/api/flows', { source: 'flow "Nieuwsbrief" {\n  trigger manual\n  welkom: send email "gebruikt"\n}\n' })).body;
    expect(flow.id).toBeDefined();

    const usage = (await call('GET', `/api/templates/${template.id}/usage`)).body;
    expect(usage.flows).toEqual([{ id: flow.id, name: 'Nieuwsbrief' }]);
    expect(usage.workflows).toEqual(expect.arrayContaining([
      { id: workflow.id, name: 'Welkom nieuwe persoon' },
      expect.objectContaining({ setting: { kind: 'status', statusKind: 'quote_request', id: String(status.id) } }),
    ]));
    expect(usage.workflows).toHaveLength(2);

    const removed = await call('DELETE', `/api/templates/${template.id}`);
    expect(removed.status).toBe(409);
    expect(removed.body.message).toContain('workflow "Welkom nieuwe persoon"');
    expect(removed.body.message).toContain('flow "Nieuwsbrief"');
    expect((await call('GET', '/api/templates/999999/usage')).status).toBe(404);
  });
});

describe('images in e-mails', () => {
  it('publishes an image at an unguessable address served without login, with the type of its bytes', async () => {
    const made = await upload('/api/files/images', PNG, 'logo.png', 'image/png');
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'logo.png', type: 'image/png', url: expect.stringMatching(/\/img\/[A-Za-z0-9_-]{32}$/) });
    const path = new URL(made.body.url).pathname;
    const served = await fetch(`${context.app.url}${path}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${context.app.url}/img/${'A'.repeat(32)}`)).status).toBe(404);
    // An ordinary attachment has no public address.
    const attachment = await upload('/api/files', PDF, 'folder.pdf', 'application/pdf');
    expect(attachment.body.url).toBeUndefined();
  });

  it.each([
    ['an HTML page', '<html><script>alert(1)</script></html>', 'plaatje.png', 'image/png', 'file.not_image'],
    ['an SVG with script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'logo.svg', 'image/svg+xml', 'file.not_image'],
    ['a PDF', PDF, 'folder.png', 'image/png', 'file.not_image'],
    ['a PNG', PNG, 'foto.jpg', 'image/jpeg', 'file.type_mismatch'],
  ])('refuses %s posing as an image with a 400', async (_what, content, name, type, code) => {
    const before = (await call('GET', '/api/files')).body.total;
    const res = await upload('/api/files/images', content as Buffer | string, name as string, type as string);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code, details: { field: 'file' } });
    expect((await call('GET', '/api/files')).body.total).toBe(before);
  });
});

describe('attachments of an e-mail step', () => {
  const flowWith = (name: string, files: string[]) =>
    `flow "${name}" {\n  trigger manual\n  brief: send email "nieuwsbrief"${files.map((f) => ` attach "${f}"`).join('')}\n}\n`;

  it('accepts up to 25 MB in total per step and refuses more at save, naming the step', async () => {
    const twelve = Buffer.alloc(12 * 1024 * 1024, 1);
    expect((await upload('/api/files', twelve, 'deel-1.pdf', 'application/pdf')).status).toBe(201);
    expect((await upload('/api/files', twelve, 'deel-2.pdf', 'application/pdf')).status).toBe(201);
    expect((await upload('/api/files', Buffer.alloc(2 * 1024 * 1024, 1), 'deel-3.pdf', 'application/pdf')).status).toBe(201);

    const fits = await call('POST', '/api/flows', { source: flowWith('Bijlagen passen', ['deel-1.pdf', 'deel-2.pdf']) });
    expect(fits.status).toBe(201);
    const tooMuch = await call('POST', '/api/flows', { source: flowWith('Bijlagen te groot', ['deel-1.pdf', 'deel-2.pdf', 'deel-3.pdf']) });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body).toMatchObject({ code: 'flow.attachments_too_large', details: { field: 'source', stepId: 'brief' } });
    expect(tooMuch.body.message).toContain('26.0 MB');
    const edit = await call('PUT', `/api/flows/${fits.body.id}`, { source: flowWith('Bijlagen passen', ['deel-1.pdf', 'deel-2.pdf', 'deel-3.pdf']) });
    expect(edit.status).toBe(400);
    // A file not uploaded yet counts nothing: saving is allowed, with a warning.
    expect((await call('PUT', `/api/flows/${fits.body.id}`, { source: flowWith('Bijlagen passen', ['deel-1.pdf', 'nog-niet.pdf']) })).status).toBe(200);
  });
});
