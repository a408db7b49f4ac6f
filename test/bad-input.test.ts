import { describe, expect, it } from '@jest/globals';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { useTestApp } from './support/lifecycle.js';
import { ADMIN_TOKEN } from './support/test-app.js';

/** Input that once reached the database or a parser and came back as a 500: each is a 400 naming the field, with a code. */
const context = useTestApp();

/** A 400 whose code (or the code of one of its field issues) is `code`, naming `field`. */
function expectBadField(res: { status: number; body: any }, field: string, code: string): void {
  const issue = (res.body?.details?.issues ?? []).find((i: { field: string }) => i.field === field);
  expect({ status: res.status, code: issue?.code ?? res.body?.code }).toEqual({ status: 400, code });
  expect(JSON.stringify(res.body)).toContain(field);
}

async function importZip(files: Record<string, string>) {
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));
  const res = await fetch(`${context.app.url}/api/import?dryRun=false`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/zip', 'accept-language': 'en' }, body: Buffer.from(zip) });
  return { status: res.status, body: await res.json() };
}

async function exportedFiles(): Promise<Record<string, string>> {
  const res = await fetch(`${context.app.url}/api/export`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(await res.arrayBuffer()))).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

describe('bad input is a 400 naming the field', () => {
  it.each(['Infinity', '-Infinity', '1e400', '0x10', ' 5'])('a number filter of %s', async (value) => {
    expectBadField(await context.app.call('GET', `/api/sales?amount=${encodeURIComponent(value)}`), 'amount', 'query.number');
  });

  it('a whole-number filter that is not whole', async () => {
    expectBadField(await context.app.call('GET', '/api/statuses?position=1.5'), 'position', 'query.number');
  });

  it('a lone surrogate in a text field of a JSON body', async () => {
    expectBadField(await context.app.call('POST', '/api/persons', '{"firstName":"\\ud800","email":"a@example.nl"}'), 'firstName', 'request.unpaired_surrogate');
  });

  it.each(['0000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', '10000-01-01T00:00:00Z'])('a date-time of %s, in a body and as a filter', async (value) => {
    expectBadField(await context.app.call('POST', '/api/tasks', { type: 'Bellen', title: 'x', dueAt: value }), 'dueAt', 'validation.datetime');
    expectBadField(await context.app.call('GET', `/api/tasks?dueAt=${encodeURIComponent(value)}`), 'dueAt', 'query.datetime');
  });

  it('JSON nested 5,000 levels deep', async () => {
    const deep = `{"firstName":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expectBadField(await context.app.call('POST', '/api/persons', deep), 'firstName', 'request.too_deep');
  });

  it('a NUL or another control character in a file name inside an import zip, and a NUL in a file', async () => {
    const files = await exportedFiles();
    const template = JSON.stringify({ key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Hallo' });
    for (const name of ['a\u0000b', 'a\nb', 'a\u007fb']) {
      expectBadField(await importZip({ ...files, [`templates/${name}.json`]: template, [`templates/${name}.liquid`]: 'Hallo' }), 'templates/a', 'import.unsafe_path');
    }
    expectBadField(await importZip({ ...files, 'templates/welkom.json': template, 'templates/welkom.liquid': 'Hal\u0000lo' }), 'templates/welkom.liquid', 'import.nul_character');
    expect((await importZip({ ...files, 'templates/welkom.json': template, 'templates/welkom.liquid': 'Hallo' })).status).toBe(200);
  });

  it('a preview past the render cap (time or size)', async () => {
    const created = await context.app.call('POST', '/api/templates', { key: 'zwaar', name: 'Zwaar', channel: 'email', subject: 'Hallo', body: 'Hallo' });
    expect(created.status).toBe(201);
    for (const body of ['{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}', '{% for i in (1..2000000) %}xx{% endfor %}']) {
      expectBadField(await context.app.call('POST', `/api/templates/${created.body.id}/preview`, { body }), 'body', 'template.render_failed');
    }
  });
});
