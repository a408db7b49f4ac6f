import { beforeAll, describe, expect, it } from '@jest/globals';
import { SETTINGS } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { OpenApiCheck } from './support/openapi-check.js';

/**
 * The flow, workflow, workflow-settings and DSL routes beside plain records document their success
 * answer with a named schema; here each answers for real and is validated against it.
 */
const context = useTestApp({ CLOCK: 'manual' });

type Json = Record<string, any>;
const check = new OpenApiCheck(context);
const documentedCall = check.documentedCall.bind(check);
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);

const OPERATIONS: [string, string][] = [
  ['get', '/api/workflows/{id}/versions'], ['post', '/api/workflows/{id}/explain'],
  ['get', '/api/workflow-settings/task-types'], ['get', '/api/workflow-settings/task-types/{id}'], ['put', '/api/workflow-settings/task-types/{id}'],
  ['get', '/api/workflow-settings/{kind}'], ['get', '/api/workflow-settings/{kind}/{id}'], ['put', '/api/workflow-settings/{kind}/{id}'],
  ['get', '/api/flows/{id}/experiments'], ['get', '/api/flows/{id}/versions'], ['get', '/api/flows/{id}/content'], ['post', '/api/flows/{id}/simulate'],
  ['post', '/api/flows/{id}/preview-edit'], ['get', '/api/flows/{id}/participants'], ['post', '/api/flows/{id}/participants'],
  ['get', '/api/flows/{id}/graph'], ['get', '/api/flows/{id}/stats'], ['get', '/api/flows/{id}/step-stats'],
  ['post', '/api/dsl/check'], ['get', '/api/dsl/names'], ['post', '/api/dsl/format'],
];

async function created(path: string, body: unknown): Promise<Json> {
  const res = await call('POST', path, body);
  expect({ path, status: res.status, body: res.body }).toMatchObject({ path, status: 201 });
  return res.body;
}

const FLOW_BODY = `  trigger manual
  welkom: send email "oa-welkom"
  wacht: wait 2 days
  proef: split random "Proef" {
    branch "A" 50% {
      a: send email "oa-a"
    }
    branch "B" 50% {
      b: send email "oa-b"
    }
  }
  wait 10 days
`;

let doc: Json;
let flowId: string;
let personIds: string[];
let selectionId: string;

beforeAll(async () => {
  doc = await check.load();
  for (const key of ['oa-welkom', 'oa-a', 'oa-b']) await created('/api/templates', { key, name: key, channel: 'email', subject: key, body: `<p>${key}</p>` });
  const flow = await created('/api/flows', { source: `flow "OA-stroom" {\n${SETTINGS}${FLOW_BODY}}\n` });
  flowId = flow.id;
  personIds = [];
  for (let i = 0; i < 6; i++) personIds.push((await created('/api/persons', { firstName: `Oa${i}`, lastName: 'Stroom', email: `oa${i}@example.nl`, category: 'Lead' })).id);
  selectionId = (await created('/api/selections', { name: 'OA-selectie' })).id;
  expect((await call('POST', `/api/selections/${selectionId}/members`, { personIds })).status).toBeLessThan(300);
});

describe('the document names a success schema for each of these operations', () => {
  it('documents a 2xx with an application/json schema', () => {
    const missing = OPERATIONS.filter(([method, path]) => {
      const responses: Json = doc.paths[path]?.[method]?.responses ?? {};
      return !Object.entries(responses).some(([status, response]) => status.startsWith('2') && response.content?.['application/json']?.schema?.$ref);
    });
    expect(missing).toEqual([]);
    expect(doc.components.schemas.FlowSimulation.oneOf).toEqual([{ $ref: '#/components/schemas/FlowPersonSimulation' }, { $ref: '#/components/schemas/FlowForecast' }]);
  });
});

describe('flows answer what the document says', () => {
  it('before the start: versions, content, graph, preview of an edit, a walk and a forecast', async () => {
    const path = `/api/flows/${flowId}`;
    expect((await documentedCall('GET', '/api/flows/{id}/versions', `${path}/versions`)).body.total).toBe(1);
    const content = await documentedCall('GET', '/api/flows/{id}/content', `${path}/content`);
    expect(content.body.templates.map((t: Json) => t.key)).toEqual(['oa-welkom', 'oa-a', 'oa-b']);
    const graph = await documentedCall('GET', '/api/flows/{id}/graph', `${path}/graph`);
    expect(graph.body.nodes.map((n: Json) => n.id)).toContain('proef');
    const preview = await documentedCall('POST', '/api/flows/{id}/preview-edit', `${path}/preview-edit`, { source: `flow "OA-stroom" {\n${SETTINGS}${FLOW_BODY.replace('wait 2 days', 'wait 3 days')}}\n` });
    expect(preview.status).toBe(200);
    const walk = await documentedCall('POST', '/api/flows/{id}/simulate', `${path}/simulate`, { personId: personIds[0] });
    expect(walk.body).toMatchObject({ admitted: true });
    expect(walk.body.steps.length).toBeGreaterThan(0);
    const madeUp = await documentedCall('POST', '/api/flows/{id}/simulate', `${path}/simulate`, { person: { firstName: 'Verzonnen', email: 'verzonnen@example.nl' }, days: 3 });
    expect(madeUp.body.admitted).toBe(true);
    const forecast = await documentedCall('POST', '/api/flows/{id}/simulate', `${path}/simulate`, { selectionId, days: 30 });
    expect(forecast.body).toMatchObject({ persons: personIds.length, days: 30 });
    expect(forecast.body.splits).toHaveLength(1);
    const either = check.validatorFor('POST', '/api/flows/{id}/simulate', 200)!;
    expect(either({ ...walk.body, persons: 1 })).toBe(false);
    expect(either({ ...forecast.body, steps: [] })).toBe(false);
  });

  it('a draft that uses content still to be made: missing content, and problems on its steps', async () => {
    const split = '  split "Soort" {\n    branch "Lead" when person.category = "Lead" {\n      wait 1 days\n    }\n    others leave\n  }\n  split "Nog eens" {\n    branch "Klant" when person.category = "Klant" {\n      wait 1 days\n    }\n    others continue\n  }\n';
    const saved = await documentedCall('POST', '/api/flows', '/api/flows', { source: `flow "OA-concept" {\n${SETTINGS}  trigger manual\n  send email "oa-nog-niet"\n${split}}\n` });
    expect(saved.status).toBe(201);
    expect(saved.body.warnings.map((w: Json) => w.code)).toContain('unknown-template');
    const draft = saved.body;
    const content = await documentedCall('GET', '/api/flows/{id}/content', `/api/flows/${draft.id}/content`);
    expect(content.body.missing.templates).toEqual([{ key: 'oa-nog-niet', channel: 'email' }]);
    const graph = await documentedCall('GET', '/api/flows/{id}/graph', `/api/flows/${draft.id}/graph`);
    expect(graph.body.nodes[0].problems.map((p: Json) => p.code)).toContain('unknown-template');
    expect(graph.body.nodes.filter((n: Json) => n.others).map((n: Json) => n.others.kind)).toEqual(['leave', 'next']);
    const refused = await documentedCall('POST', '/api/flows/{id}/start', `/api/flows/${draft.id}/start`);
    expect(refused.status).toBe(409);
    expect(refused.body.details.problems.map((p: Json) => p.code)).toContain('unknown-template');
  });

  it('running: enrolment, participants, stats, step stats and the experiment readout', async () => {
    const path = `/api/flows/${flowId}`;
    expect((await call('POST', `${path}/start`)).status).toBe(200);
    const enrolled = await documentedCall('POST', '/api/flows/{id}/participants', `${path}/participants`, { personIds });
    expect(enrolled.body.enrolled).toBe(personIds.length);
    const again = await documentedCall('POST', '/api/flows/{id}/participants', `${path}/participants`, { personIds: personIds.slice(0, 1) });
    expect(again.body.refused).toEqual([{ personId: personIds[0], reason: 'already_participating' }]);
    expect((await call('POST', '/api/clock/advance', { by: 'P3D' })).status).toBe(200);
    const participants = await documentedCall('GET', '/api/flows/{id}/participants', `${path}/participants?limit=100`);
    expect(participants.body.total).toBe(personIds.length);
    const listed = await documentedCall('GET', '/api/flows', '/api/flows?limit=100');
    const counts = listed.body.items.find((f: Json) => f.id === flowId).participants;
    expect(Object.values(counts).reduce((a: number, b) => a + (b as number), 0)).toBe(personIds.length);
    expect(check.validatorFor('GET', '/api/flows', 200)!({ items: [{ ...listed.body.items[0], participants: { lost: 1 } }], total: 1 })).toBe(false);
    const stats = await documentedCall('GET', '/api/flows/{id}/stats', `${path}/stats`);
    expect(stats.body.enrolled).toBe(personIds.length);
    const steps = await documentedCall('GET', '/api/flows/{id}/step-stats', `${path}/step-stats`);
    expect(steps.body.items.length).toBeGreaterThan(0);
    // The schemas are exact: a field the route does not answer is refused.
    expect(check.validatorFor('GET', '/api/flows/{id}/stats', 200)!({ ...stats.body, extra: 1 })).toBe(false);
    expect(check.validatorFor('GET', '/api/flows/{id}/step-stats', 200)!({ items: [{ ...steps.body.items[0], extra: 1 }] })).toBe(false);
    const experiments = await documentedCall('GET', '/api/flows/{id}/experiments', `${path}/experiments`);
    expect(experiments.body.items).toHaveLength(1);
    expect(experiments.body.items[0].branches[1].versus).toMatchObject({ branch: 'A' });
    const refused = await documentedCall('POST', '/api/flows/{id}/simulate', `${path}/simulate`, { personId: personIds[1] });
    expect(refused.body).toMatchObject({ admitted: false, refusedReason: 'already_participating' });
  });
});

describe('workflows and their settings answer what the document says', () => {
  it('versions and an explanation with what is pending', async () => {
    await created('/api/templates', { key: 'oa-wf', name: 'oa-wf', channel: 'email', subject: 'Welkom', body: '<p>Welkom</p>' });
    const workflow = await created('/api/workflows', { source: 'workflow "OA-uitleg" {\n  on person created\n  when person.category = "Lead"\n  after 2 days send email "oa-wf" to person\n}' });
    const person = await created('/api/persons', { firstName: 'Uitleg', email: 'uitleg@example.nl', category: 'Lead' });
    expect((await call('POST', '/api/clock/advance', { by: 'PT0S' })).status).toBe(200);
    expect((await documentedCall('GET', '/api/workflows/{id}/versions', `/api/workflows/${workflow.id}/versions`)).body.total).toBe(1);
    const explained = await documentedCall('POST', '/api/workflows/{id}/explain', `/api/workflows/${workflow.id}/explain`, { entity: 'person', id: person.id });
    expect(explained.status).toBe(200);
    expect(explained.body.matches).toBe(true);
    expect(explained.body.pending).toHaveLength(1);
    // Every kind of condition test answers its documented shape.
    const tests = await created('/api/workflows', { source: 'workflow "OA-toetsen" {\n  on person.category changed to "Klant"\n  when person.category in ["Lead", "Klant"] and not person.mobile is empty and person.interests contains "Zon" and person.email != "x@example.nl"\n  send email "oa-wf" to person\n}' });
    const kinds = await documentedCall('POST', '/api/workflows/{id}/explain', `/api/workflows/${tests.id}/explain`, { entity: 'person', id: person.id });
    expect(kinds.body.conditions.map((c: Json) => c.test.kind)).toEqual(['trigger', 'in', 'empty', 'contains', 'compare']);
  });

  it('status rows and task types: list, one, save', async () => {
    const rows = await documentedCall('GET', '/api/workflow-settings/{kind}', '/api/workflow-settings/quote-request-statuses');
    expect(rows.body.total).toBeGreaterThan(0);
    const row = rows.body.items[0];
    expect((await documentedCall('GET', '/api/workflow-settings/{kind}/{id}', `/api/workflow-settings/quote-request-statuses/${row.id}`)).status).toBe(200);
    const saved = await documentedCall('PUT', '/api/workflow-settings/{kind}/{id}', `/api/workflow-settings/quote-request-statuses/${row.id}`,
      { active: true, templateKey: 'oa-wf', delayDays: 1, recipient: 'person', sendReminder: true, reminderIntervalDays: 7, reminderMaxCount: 2 });
    expect(saved.body).toMatchObject({ active: true, templateKey: 'oa-wf', customized: false });

    const type = await created('/api/task-types', { name: 'OA-taaktype' });
    expect((await documentedCall('GET', '/api/workflow-settings/task-types', '/api/workflow-settings/task-types')).body.total).toBeGreaterThan(0);
    expect((await documentedCall('GET', '/api/workflow-settings/task-types/{id}', `/api/workflow-settings/task-types/${type.id}`)).status).toBe(200);
    const savedType = await documentedCall('PUT', '/api/workflow-settings/task-types/{id}', `/api/workflow-settings/task-types/${type.id}`,
      { onNew: { active: true, templateKey: 'oa-wf' }, onCompleted: { active: true, templateKey: 'oa-wf', delayDays: 2 } });
    expect(savedType.body).toMatchObject({ onNew: { active: true }, onExpired: { active: false, workflowId: null }, onCompleted: { delayDays: 2 } });
  });
});

describe('the DSL routes answer what the document says', () => {
  it('check, format and names', async () => {
    const bad = await documentedCall('POST', '/api/dsl/check', '/api/dsl/check', { source: 'flow "x" {\n  trigger manual\n  send email "bestaat-niet"\n}\n', mode: 'start' });
    expect(bad.body.ok).toBe(false);
    expect(bad.body.diagnostics.length).toBeGreaterThan(0);
    // A diagnostic's params are names, numbers or lists of names, nothing else.
    const diagnostic = bad.body.diagnostics.find((d: Json) => d.params);
    expect(diagnostic).toBeDefined();
    expect(check.validatorFor('POST', '/api/dsl/check', 200)!({ ok: false, diagnostics: [{ ...diagnostic, params: { ...diagnostic.params, extra: true } }] })).toBe(false);
    expect((await documentedCall('POST', '/api/dsl/check', '/api/dsl/check', { source: `flow "OA-stroom" {\n${SETTINGS}${FLOW_BODY}}\n` })).status).toBe(200);
    expect((await documentedCall('POST', '/api/dsl/format', '/api/dsl/format', { source: 'flow "x" {\ntrigger manual\n}' })).body.ok).toBe(true);
    expect((await documentedCall('POST', '/api/dsl/format', '/api/dsl/format', { source: 'flow {' })).body.ok).toBe(false);
    const names = await documentedCall('GET', '/api/dsl/names', '/api/dsl/names');
    expect(names.body.templates).toContainEqual({ key: 'oa-welkom', channel: 'email' });
  });
});
