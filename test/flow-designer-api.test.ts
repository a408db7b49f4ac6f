import { beforeAll, describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';
import { SETTINGS } from './support/flow-helpers.js';

const context = useTestApp();
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);

beforeAll(async () => {
  expect((await call('POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom', body: '<p>Hallo</p>' })).status).toBe(201);
  expect((await call('POST', '/api/forms', { key: 'contact-me', name: 'Contactformulier' })).status).toBe(201);
});

/** A flow that names a template and a form that do not exist yet, and lacks the reply_to setting. */
const unfinished = `flow "Nog niet klaar" {
  sender "Loket <info@loket.example>"
  trigger form "nog-te-maken" submitted
  # de welkomstmail
  welkom: send email "welkom"
  wait 2 days
  send email "nog-te-schrijven" subject "Vervolg"
  wait for link clicked in welkom at most 7 days
  complete
}
`;

describe('flow designer contract: saving unfinished content, start problems, content, copy', () => {
  let id: string;

  it('checks a flow whose template and form do not exist yet with warnings, not errors', async () => {
    const res = await call('POST', '/api/dsl/check', { source: unfinished });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    const codes = res.body.diagnostics.map((d: { code: string; severity: string }) => `${d.severity} ${d.code}`);
    expect(codes).toEqual(expect.arrayContaining(['warning unknown-template', 'warning unknown-form']));
    const started = await call('POST', '/api/dsl/check', { source: unfinished, mode: 'start' });
    expect(started.body.ok).toBe(false);
    expect(started.body.diagnostics.filter((d: { severity: string }) => d.severity === 'error').map((d: { code: string }) => d.code))
      .toEqual(expect.arrayContaining(['unknown-template', 'unknown-form', 'missing-reply-to']));
  });

  it('keeps an unknown template an error in a workflow (only flows may be saved unfinished)', async () => {
    const res = await call('POST', '/api/dsl/check', { source: 'workflow "W" {\n  on person created\n  send email "bestaat-niet" to person\n}\n' });
    expect(res.body.ok).toBe(false);
    expect(res.body.diagnostics[0]).toMatchObject({ code: 'unknown-template', severity: 'error' });
  });

  it('saves the unfinished flow and answers the warnings beside it', async () => {
    const res = await call('POST', '/api/flows', { source: unfinished });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({ name: 'Nog niet klaar', status: 'not_running' });
    const warnings = res.body.warnings as { code: string; severity: string; stepId?: string }[];
    expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
    expect(warnings).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'unknown-template', stepId: 's2' }),
      expect.objectContaining({ code: 'unknown-form' }),
      expect.objectContaining({ code: 'missing-reply-to', stepId: 'welkom' }),
    ]));
    const again = await call('PUT', `/api/flows/${id}`, { source: res.body.source });
    expect(again.status).toBe(200);
    expect(again.body.warnings.map((w: { code: string }) => w.code)).toEqual(warnings.map((w) => w.code));
  });

  it('refuses the start with every missing setting and missing content, per step', async () => {
    const res = await call('POST', `/api/flows/${id}/start`);
    expect(res.status).toBe(409);
    const problems = res.body.details.problems as { stepId: string | null; setting: string; message: string }[];
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ stepId: 'welkom', setting: 'missing-reply-to' }),
      expect.objectContaining({ stepId: 's2', setting: 'missing-reply-to' }),
      expect.objectContaining({ stepId: 's2', setting: 'unknown-template' }),
      expect.objectContaining({ stepId: null, setting: 'unknown-form' }),
    ]));
    for (const p of problems) expect(p.message).toEqual(expect.any(String));
  });

  it('lists the content the flow uses, and what is still missing', async () => {
    const res = await call('GET', `/api/flows/${id}/content`);
    expect(res.status).toBe(200);
    expect(res.body.templates).toEqual([{ id: expect.any(String), key: 'welkom', name: 'Welkom', channel: 'email' }]);
    expect(res.body.forms).toEqual([]);
    expect(res.body.files).toEqual([]);
    expect(res.body.missing).toEqual({ templates: [{ key: 'nog-te-schrijven', channel: 'email' }], forms: ['nog-te-maken'], files: [] });
    expect((await call('GET', '/api/flows/999999/content')).status).toBe(404);
  });

  it('starts once the content exists and the settings are filled in', async () => {
    expect((await call('POST', '/api/templates', { key: 'nog-te-schrijven', name: 'Vervolg', channel: 'email', subject: 'Vervolg', body: '<p>x</p>' })).status).toBe(201);
    expect((await call('POST', '/api/forms', { key: 'nog-te-maken', name: 'Aanmelding' })).status).toBe(201);
    const source = (await call('GET', `/api/flows/${id}`)).body.source as string;
    const saved = await call('PUT', `/api/flows/${id}`, { source: source.replace('  sender "Loket <info@loket.example>"\n', SETTINGS) });
    expect(saved.status).toBe(200);
    expect(saved.body.warnings).toEqual([]);
    const content = await call('GET', `/api/flows/${id}/content`);
    expect(content.body.forms).toEqual([{ key: 'nog-te-maken', name: 'Aanmelding' }]);
    expect(content.body.templates.map((t: { key: string }) => t.key)).toEqual(['welkom', 'nog-te-schrijven']);
    expect((await call('POST', `/api/flows/${id}/start`)).status).toBe(200);
  });

  it('copies a flow: "(kopie)", "(kopie 2)", not running, the same steps with new ids, no participants', async () => {
    const person = await call('POST', '/api/persons', { firstName: 'Kim', email: 'kim@test.example' });
    expect((await call('POST', `/api/flows/${id}/participants`, { personIds: [person.body.id] })).body.enrolled).toBe(1);
    const original = (await call('GET', `/api/flows/${id}`)).body;
    const copy = await call('POST', `/api/flows/${id}/copy`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: 'Nog niet klaar (kopie)', status: 'not_running', version: 1 });
    expect(copy.body.id).not.toBe(id);
    const labels = (source: string) => [...source.matchAll(/^\s*(\w+): /gm)].map((m) => m[1]);
    const oldIds = labels(original.source);
    const newIds = labels(copy.body.source);
    expect(newIds).toHaveLength(oldIds.length);
    for (const newId of newIds) expect(oldIds).not.toContain(newId);
    // Same text apart from the name and the ids; the step reference follows its step, the comment stays.
    const neutral = (source: string) => source.replace(/^(\s*)\w+: /gm, '$1').replace(/in \w+ at/g, 'in X at').replace(/^flow ".*" \{/, 'flow {');
    expect(neutral(copy.body.source)).toBe(neutral(original.source));
    expect(copy.body.source).toContain(`wait for link clicked in ${newIds[0]}`);
    expect(copy.body.source).toContain('# de welkomstmail');
    expect((await call('GET', `/api/flows/${copy.body.id}/participants`)).body.total).toBe(0);
    const second = await call('POST', `/api/flows/${id}/copy`);
    expect(second.body.name).toBe('Nog niet klaar (kopie 2)');
    const ofCopy = await call('POST', `/api/flows/${copy.body.id}/copy`);
    expect(ofCopy.body.name).toBe('Nog niet klaar (kopie) (kopie)');
    expect((await call('POST', '/api/flows/999999/copy')).status).toBe(404);
  });
});
