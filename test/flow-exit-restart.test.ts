// Exit rules and re-entry end to end: PostgreSQL, the test SMTP server and the manual clock.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { flowHelpers } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, person, runningFlow, enrol, participant, mailsTo } = flowHelpers(context, smtp);

async function members(selection: string): Promise<string[]> {
  const id = (await call('GET', `/api/selections?name=${encodeURIComponent(selection)}`)).body.items[0].id;
  return (await call('GET', `/api/selections/${id}/members`)).body.items.map((p: { id: string }) => p.id);
}

beforeAll(async () => {
  expect((await call('POST', '/api/selections', { name: 'Uitgestapt' })).status).toBe(201);
  expect((await call('POST', '/api/templates', { key: 'tip', name: 'Tip', channel: 'email', subject: 'Een tip', body: '<p>Hallo {{ person.first_name }}</p>' })).status).toBe(201);
});

describe('exit when', () => {
  const steps = '  exit when person.category = "Klant" then leave {\n    add to selection "Uitgestapt"\n  }\n  wait 2 days\n  send email "tip"\n';

  it('takes a participant out on the change of the person that makes the rule hold, with the leave options', async () => {
    const flowId = await runningFlow('Prospects', `  trigger manual\n${steps}`);
    const ada = await person({ firstName: 'Ada', email: 'ada@example.nl', category: 'Prospect' });
    const bob = await person({ firstName: 'Bob', email: 'bob@example.nl', category: 'Prospect' });
    await enrol(flowId, [ada, bob]);
    await advance('PT0S');
    expect(await participant(flowId, ada)).toMatchObject({ status: 'active' });

    expect((await call('PATCH', `/api/persons/${ada}`, { category: 'Klant' })).status).toBe(200);
    await advance('PT1H');
    expect(await participant(flowId, ada)).toMatchObject({ status: 'dropout', reason: 'no longer matches' });
    expect(await members('Uitgestapt')).toEqual([ada]);

    await advance('P2D');
    expect(mailsTo('ada@example.nl')).toHaveLength(0);
    expect(mailsTo('bob@example.nl')).toHaveLength(1);
    expect(await participant(flowId, bob)).toMatchObject({ status: 'completed' });
  });

  it('is checked before every step too: a person who already matches leaves at the first step', async () => {
    const flowId = await runningFlow('Prospects 2', `  trigger manual\n${steps}`);
    const cas = await person({ firstName: 'Cas', email: 'cas@example.nl', category: 'Klant' });
    await enrol(flowId, [cas]);
    await advance('P3D');
    expect(await participant(flowId, cas)).toMatchObject({ status: 'dropout', reason: 'no longer matches', stepId: 's1' });
    expect(mailsTo('cas@example.nl')).toHaveLength(0);
  });

  it('lets an unrelated change pass', async () => {
    const flowId = await runningFlow('Prospects 3', `  trigger manual\n${steps}`);
    const dirk = await person({ firstName: 'Dirk', email: 'dirk@example.nl', category: 'Prospect' });
    await enrol(flowId, [dirk]);
    await advance('PT0S');
    expect((await call('PATCH', `/api/persons/${dirk}`, { lastName: 'Jansen' })).status).toBe(200);
    await advance('PT1H');
    expect(await participant(flowId, dirk)).toMatchObject({ status: 'active' });
  });
});

describe('restart after', () => {
  it('admits a person again only once the given days have passed since their participation ended', async () => {
    const flowId = await runningFlow('Jaarlijks advies', '  trigger manual\n  restart after 90 days\n  send email "tip"\n');
    const eva = await person({ firstName: 'Eva', email: 'eva@example.nl' });
    expect(await enrol(flowId, [eva])).toEqual({ enrolled: 1, queued: 0, refused: [] });
    await advance('PT0S');
    expect(await participant(flowId, eva)).toMatchObject({ status: 'completed' });

    expect(await enrol(flowId, [eva])).toEqual({ enrolled: 0, queued: 0, refused: [{ personId: eva, reason: 'restart_too_soon' }] });
    await advance('P89D');
    expect((await enrol(flowId, [eva])).refused).toEqual([{ personId: eva, reason: 'restart_too_soon' }]);
    await advance('P1D');
    expect(await enrol(flowId, [eva])).toEqual({ enrolled: 1, queued: 0, refused: [] });
    await advance('PT0S');
    expect(mailsTo('eva@example.nl')).toHaveLength(2);
    expect((await call('GET', `/api/flows/${flowId}/stats`)).body.refused).toEqual({ restart_too_soon: 2 });
  });

  it('keeps `once per person` and "always" as they were', async () => {
    const once = await runningFlow('Eenmalig', '  trigger manual\n  once per person\n  send email "tip"\n');
    const always = await runningFlow('Altijd', '  trigger manual\n  send email "tip"\n');
    const fien = await person({ firstName: 'Fien', email: 'fien@example.nl' });
    for (const flowId of [once, always]) await enrol(flowId, [fien]);
    await advance('PT0S');
    expect((await enrol(once, [fien])).refused).toEqual([{ personId: fien, reason: 'already_participated' }]);
    expect((await enrol(always, [fien])).enrolled).toBe(1);
  });
});
