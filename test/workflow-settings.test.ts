import { beforeAll, describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp({ CLOCK: 'manual' });
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);

beforeAll(async () => {
  for (const key of ['offerte', 'herinnering', 'taak']) {
    await call('POST', '/api/templates', { key, name: key, channel: 'email', subject: 'Over {{ person.first_name }}', body: 'x' });
  }
  await call('POST', '/api/templates', { key: 'sms', name: 'sms', channel: 'sms', body: 'x' });
});

async function row(path: string, name: string) {
  const list = await call('GET', `/api/workflow-settings/${path}`);
  return list.body.items.find((r: { name: string }) => r.name === name);
}

describe('per-status settings ⇄ DSL', () => {
  it('lists every status row, switched off, with the count', async () => {
    const list = await call('GET', '/api/workflow-settings/quote-request-statuses');
    expect(list.body.total).toBe(17);
    expect(list.body.items[0]).toMatchObject({ name: 'Offertezoek - Offerte nog niet aangevraagd', active: false, sendReminder: false, templateKey: null, customized: false, workflowId: null });
    expect((await call('GET', '/api/workflow-settings/opportunity-statuses')).body.total).toBe(5);
    expect((await call('GET', '/api/workflow-settings/intake-measures')).body.total).toBe(5);
    expect((await call('GET', '/api/workflow-settings/nonsense')).status).toBe(404);
  });

  it.each([
    [{ active: true }, 'templateKey'],
    [{ active: true, templateKey: 'offerte', recipient: 'person' }, 'delayDays'],
    [{ active: true, templateKey: 'offerte', delayDays: 3 }, 'recipient'],
    [{ active: true, templateKey: 'bestaat-niet', delayDays: 3, recipient: 'person' }, 'templateKey'],
    [{ active: true, templateKey: 'sms', delayDays: 3, recipient: 'person' }, 'templateKey'],
    [{ active: true, templateKey: 'offerte', delayDays: 3, recipient: 'person', sendReminder: true }, 'reminderIntervalDays'],
    [{ active: true, templateKey: 'offerte', delayDays: -1, recipient: 'person' }, 'delayDays'],
    [{ active: true, templateKey: 'offerte', delayDays: 3, recipient: 'iemand' }, 'recipient'],
  ])('refuses %j with a 400 naming %s', async (body, field) => {
    const target = await row('quote-request-statuses', 'Bezoek - Afspraak gemaakt');
    const res = await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, body);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
  });

  it('writes readable DSL for a row, and reads edits of that DSL back (customized when the form cannot show it)', async () => {
    const target = await row('quote-request-statuses', 'Offertezoek - Offerte aangevraagd');
    const saved = await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, {
      active: true, sendReminder: true, templateKey: 'offerte', delayDays: 3, recipient: 'person', reminderIntervalDays: 7, reminderMaxCount: 3,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ active: true, sendReminder: true, templateKey: 'offerte', delayDays: 3, recipient: 'person', reminderIntervalDays: 7, reminderMaxCount: 3, customized: false });
    const workflow = (await call('GET', `/api/workflows/${saved.body.workflowId}`)).body;
    expect(workflow.source).toContain('on quote_request.status changed to "Offertezoek - Offerte aangevraagd"');
    expect(workflow.source).toContain('after 3 days send email "offerte" to person');
    expect(workflow.source).toContain('remind every 7 days at most 3 times');
    expect(workflow.settingKey).toBe(`quote_request_status:${target.id}`);

    const edited = workflow.source.replace('after 3 days', 'after 5 days').replace('to person', 'to "info@example.nl"');
    expect((await call('PUT', `/api/workflows/${workflow.id}`, { source: edited })).status).toBe(200);
    expect(await row('quote-request-statuses', 'Offertezoek - Offerte aangevraagd')).toMatchObject({ delayDays: 5, recipient: 'info@example.nl', customized: false });

    const custom = edited.replace('after 5 days', 'after 2 workdays');
    expect((await call('PUT', `/api/workflows/${workflow.id}`, { source: custom })).status).toBe(200);
    expect(await row('quote-request-statuses', 'Offertezoek - Offerte aangevraagd')).toMatchObject({ customized: true, templateKey: 'offerte' });

    // A form save that would drop the workdays is refused, and the rule stays as the power user wrote it.
    const refused = await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, { active: false, sendReminder: false, templateKey: 'offerte', delayDays: 5, recipient: 'person' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ details: { parts: ['delay in workdays'] } });
    expect((await call('GET', `/api/workflows/${workflow.id}`)).body.source).toBe(custom);

    // Switching it off from the form only marks the rule inactive.
    const off = await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, templateKey: 'offerte', customized: true, reminderIntervalDays: 7, reminderMaxCount: 3 });
    expect((await call('GET', `/api/workflows/${workflow.id}`)).body).toMatchObject({ active: false, source: custom.replace(' {\n', ' inactive {\n') });
    const versions = await call('GET', `/api/workflows/${workflow.id}/versions`);
    expect(versions.body.total).toBe(4);
  });

  it('round-trips opportunity and intake rows with every recipient kind', async () => {
    for (const [path, name, recipient] of [['opportunity-statuses', 'Gewonnen', 'owner'], ['opportunity-statuses', 'Verloren', 'our_contact'], ['intake-measures', 'Intake gepland', 'service_contact']] as const) {
      const target = await row(path, name);
      const body = { active: true, sendReminder: false, templateKey: 'herinnering', delayDays: 0, recipient, reminderIntervalDays: null, reminderMaxCount: null };
      const saved = await call('PUT', `/api/workflow-settings/${path}/${target.id}`, body);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ ...body, customized: false });
      expect(await row(path, name)).toMatchObject({ ...body, customized: false });
    }
  });

  it('keeps every setting of a row switched off, reminders included, and shows them again when switched on', async () => {
    const target = await row('quote-request-statuses', 'Offertezoek - In overweging bij bewoner');
    const on = { active: true, sendReminder: true, templateKey: 'offerte', delayDays: 2, recipient: 'owner', reminderIntervalDays: 4, reminderMaxCount: 2 };
    expect((await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, on)).status).toBe(200);

    // As the form sends it: every value, switched off.
    const off = await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, { ...on, active: false });
    expect(off.status).toBe(200);
    const expected = { ...on, active: false, customized: false };
    expect(off.body).toMatchObject(expected);
    expect((await call('GET', `/api/workflow-settings/quote-request-statuses/${target.id}`)).body).toMatchObject(expected);
    expect((await call('GET', `/api/workflows/${off.body.workflowId}`)).body.source).toBe([
      'workflow "Kansactie: Offertezoek - In overweging bij bewoner" inactive {',
      '  on quote_request.status changed to "Offertezoek - In overweging bij bewoner"',
      '  after 2 days send email "offerte" to owner',
      '  remind every 4 days at most 2 times',
      '}',
      '',
    ].join('\n'));

    // Only the switch in the body: the fields left out keep their values.
    expect((await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, { active: true })).body).toMatchObject({ ...on, customized: false });
    expect((await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, { active: false })).body).toMatchObject(expected);
  });

  it('refuses a form save over a rule with a condition added in the DSL (409 naming it), and only switches it off or on', async () => {
    const target = await row('quote-request-statuses', 'Offertezoek - Uitgevoerd');
    const on = { active: true, sendReminder: true, templateKey: 'offerte', delayDays: 1, recipient: 'person', reminderIntervalDays: 3, reminderMaxCount: 2 };
    const saved = (await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, on)).body;
    const plain = (await call('GET', `/api/workflows/${saved.workflowId}`)).body.source as string;
    const edited = plain.replace(/\n  after 1 day/, '\n  when quote_request.kind = "Offertezoek"\n  after 1 day');
    expect((await call('PUT', `/api/workflows/${saved.workflowId}`, { source: edited })).status).toBe(200);
    const source = (await call('GET', `/api/workflows/${saved.workflowId}`)).body.source as string;
    expect(source).toContain('when quote_request.kind = "Offertezoek"');
    expect(await row('quote-request-statuses', 'Offertezoek - Uitgevoerd')).toMatchObject({ ...on, customized: true, workflowId: saved.workflowId });

    for (const body of [{ ...on, templateKey: 'herinnering' }, { ...on, delayDays: 2 }, { ...on, active: false, reminderMaxCount: 5 }]) {
      const refused = await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, body);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ details: { parts: ['condition'] } });
      expect(refused.body.message).toMatch(/\S/);
    }
    expect((await call('GET', `/api/workflows/${saved.workflowId}`)).body.source).toBe(source);

    // The same values with the switch off: only `inactive` is added; the condition stays.
    const off = await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, { ...on, active: false });
    expect(off.status).toBe(200);
    expect((await call('GET', `/api/workflows/${saved.workflowId}`)).body.source).toBe(source.replace(' {\n', ' inactive {\n'));
    expect((await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, on)).status).toBe(200);
    expect((await call('GET', `/api/workflows/${saved.workflowId}`)).body.source).toBe(source);
  });

  it('leaves no workflow for a row switched off that was never configured', async () => {
    const target = await row('quote-request-statuses', 'Bezoek - Afspraak afgezegd');
    const res = await call('PUT', `/api/workflow-settings/quote-request-statuses/${target.id}`, { active: false });
    expect(res.body).toMatchObject({ active: false, workflowId: null });
  });
});

describe('task-type settings ⇄ DSL', () => {
  it('writes the three task workflows and reads them back', async () => {
    const bellen = (await call('GET', '/api/workflow-settings/task-types')).body.items.find((t: { name: string }) => t.name === 'Bellen');
    expect(bellen).toMatchObject({ onNew: { active: false }, onExpired: { active: false }, onCompleted: { active: false, delayDays: null } });
    const missing = await call('PUT', `/api/workflow-settings/task-types/${bellen.id}`, { onCompleted: { active: true, templateKey: 'taak' } });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('onCompleted.delayDays');
    const saved = await call('PUT', `/api/workflow-settings/task-types/${bellen.id}`, {
      onNew: { active: true, templateKey: 'taak' }, onExpired: { active: true, templateKey: 'taak' }, onCompleted: { active: true, templateKey: 'taak', delayDays: 2 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ onNew: { active: true, templateKey: 'taak', customized: false }, onExpired: { active: true, templateKey: 'taak' }, onCompleted: { active: true, templateKey: 'taak', delayDays: 2 } });
    const expired = (await call('GET', `/api/workflows/${saved.body.onExpired.workflowId}`)).body.source;
    expect(expired).toContain('on task expired');
    expect(expired).toContain('when task.type = "Bellen"');
    expect(expired).toContain('to responsible');
  });

  it('keeps the template and days of a task workflow switched off', async () => {
    const type = (await call('POST', '/api/task-types', { name: 'Uitzetten' })).body;
    const on = { onCompleted: { active: true, templateKey: 'taak', delayDays: 3 } };
    expect((await call('PUT', `/api/workflow-settings/task-types/${type.id}`, on)).status).toBe(200);
    const off = await call('PUT', `/api/workflow-settings/task-types/${type.id}`, { onCompleted: { active: false } });
    expect(off.body.onCompleted).toMatchObject({ active: false, templateKey: 'taak', delayDays: 3, customized: false });
    const source = (await call('GET', `/api/workflows/${off.body.onCompleted.workflowId}`)).body.source;
    expect(source).toContain('workflow "Taak Uitzetten: afgehandeld" inactive {');
    expect(source).toContain('after 3 days send email "taak" to contact');
  });

  it('refuses a form save over a task workflow with a reminder added in the DSL', async () => {
    const type = (await call('POST', '/api/task-types', { name: 'Herinneren' })).body;
    const saved = (await call('PUT', `/api/workflow-settings/task-types/${type.id}`, { onCompleted: { active: true, templateKey: 'taak', delayDays: 1 } })).body;
    const id = saved.onCompleted.workflowId;
    const source = (await call('GET', `/api/workflows/${id}`)).body.source.replace('to contact\n', 'to contact\n  remind every 2 days at most 1 time\n');
    expect((await call('PUT', `/api/workflows/${id}`, { source })).status).toBe(200);
    const stored = (await call('GET', `/api/workflows/${id}`)).body.source;
    const refused = await call('PUT', `/api/workflow-settings/task-types/${type.id}`, { onCompleted: { active: true, templateKey: 'herinnering', delayDays: 1 }, onNew: { active: true, templateKey: 'taak' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ details: { parts: ['reminder'], setting: 'onCompleted' } });
    expect((await call('GET', `/api/workflows/${id}`)).body.source).toBe(stored);
    // Nothing of the refused save was written, not even the other workflow.
    expect((await call('GET', `/api/workflow-settings/task-types/${type.id}`)).body.onNew).toMatchObject({ active: false, workflowId: null });
  });
});
