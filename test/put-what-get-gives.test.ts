import { beforeAll, describe, expect, it } from '@jest/globals';
import { createFixtures, type FixtureIds } from './support/api-routes.js';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp({ CLOCK: 'manual' });
let ids: FixtureIds;
beforeAll(async () => {
  ids = await createFixtures(context.app);
});

type Json = Record<string, any>;

interface Resource {
  name: string;
  method: 'PUT' | 'PATCH';
  path: () => string;
  /** The GET answer with some writable fields changed, and how to see the change in the answer. */
  change: (got: Json) => Json;
  changed: (answer: Json) => unknown;
  /** Read-only fields (a path into the body) and a different value for each. */
  readOnly: [string, unknown][];
}

const record = (collection: string, field: string, value: unknown): Resource => ({
  name: collection, method: 'PATCH', path: () => `/api/${collection}/${ids[collection]}`,
  change: (got) => ({ ...got, [field]: value }), changed: (answer) => answer[field],
  readOnly: [['id', '999999'], ['createdAt', '2001-01-01T00:00:00.000Z']],
});

const RESOURCES: Resource[] = [
  record('groups', 'name', 'Matrix-groep 2'),
  record('assignment-rules', 'requestType', 'Matrix 2'),
  record('companies', 'name', 'Matrix BV 2'),
  record('persons', 'lastName', 'Trix-Nieuw'),
  record('selections', 'name', 'Matrix-selectie 2'),
  record('projects', 'name', 'Matrix-project 2'),
  record('tasks', 'title', 'Bel Mia terug'),
  record('sales', 'title', 'Zonnepanelen'),
  record('requests', 'title', 'Andere vraag'),
  record('follow-ups', 'title', 'Tweede gesprek'),
  record('employees', 'name', 'Matrix-collega 2'),
  record('templates', 'name', 'Matrix 2'),
  record('forms', 'name', 'Matrix-formulier 2'),
  record('quote-requests', 'kind', 'Matrix 2'),
  record('opportunities', 'status', 'Gewonnen'),
  {
    name: 'workflows', method: 'PUT', path: () => `/api/workflows/${ids.workflows}`,
    change: (got) => ({ ...got, source: got.source.replace('on person created', 'on person updated') }),
    changed: (answer) => /on person updated/.test(answer.source),
    readOnly: [['id', '999999'], ['version', 99], ['createdAt', '2001-01-01T00:00:00.000Z']],
  },
  {
    name: 'flows', method: 'PUT', path: () => `/api/flows/${ids.flows}`,
    change: (got) => ({ ...got, source: got.source.replace('subject "Hallo"', 'subject "Hoi"') }),
    changed: (answer) => /subject "Hoi"/.test(answer.source),
    readOnly: [['id', '999999'], ['status', 'running'], ['version', 99]],
  },
  {
    name: 'a status setting', method: 'PUT', path: () => `/api/workflow-settings/quote-request-statuses/${ids.statuses}`,
    change: (got) => ({ ...got, active: true, templateKey: 'matrix', delayDays: 2, recipient: 'person' }),
    changed: (answer) => [answer.active, answer.delayDays],
    readOnly: [['id', '999999'], ['name', 'Anders'], ['customized', true], ['workflowId', '12345']],
  },
  {
    name: 'a task type setting', method: 'PUT', path: () => `/api/workflow-settings/task-types/${ids['task-types']}`,
    change: (got) => ({ ...got, onNew: { ...got.onNew, active: true, templateKey: 'matrix' } }),
    changed: (answer) => answer.onNew.active,
    readOnly: [['id', '999999'], ['name', 'Anders'], ['onNew.customized', true], ['onNew.workflowId', '12345']],
  },
];

const EXPECTED: Record<string, unknown> = { workflows: true, flows: true, 'a status setting': [true, 2], 'a task type setting': true };

function withValue(body: Json, path: string, value: unknown): Json {
  const [head, tail] = path.split('.') as [string, string | undefined];
  return tail ? { ...body, [head]: { ...body[head], [tail]: value } } : { ...body, [head]: value };
}

describe('PUT takes what GET gives, for every resource', () => {
  for (const resource of RESOURCES) {
    it(`${resource.name}: the GET answer sent back with changes is accepted; a changed read-only field is a 400 naming it; an unknown field stays a 400`, async () => {
      const get = async () => {
        const res = await context.app.call('GET', resource.path());
        expect(res.status).toBe(200);
        return res.body as Json;
      };
      const unchanged = await context.app.call(resource.method, resource.path(), await get());
      expect({ status: unchanged.status, body: unchanged.body }).toMatchObject({ status: 200 });

      const saved = await context.app.call(resource.method, resource.path(), resource.change(await get()));
      expect({ status: saved.status, body: saved.body }).toMatchObject({ status: 200 });
      const expected = EXPECTED[resource.name] ?? resource.change({})[Object.keys(resource.change({}))[0]!];
      expect(resource.changed(saved.body)).toEqual(expected);
      expect(resource.changed(await get())).toEqual(expected);

      for (const [field, value] of resource.readOnly) {
        const refused = await context.app.call(resource.method, resource.path(), withValue(await get(), field, value));
        expect({ field, status: refused.status }).toEqual({ field, status: 400 });
        expect(refused.body.details.issues).toEqual([expect.objectContaining({ field, code: 'validation.read_only' })]);
      }
      const unknown = await context.app.call(resource.method, resource.path(), { ...(await get()), colour: 'blue' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details.issues).toEqual([expect.objectContaining({ code: 'validation.unknown_field' })]);
    });
  }
});
