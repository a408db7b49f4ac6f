import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decoded, flowHelpers, tokensIn } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';
import { ADMIN_TOKEN } from './support/test-app.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, mailsTo, person, runningFlow, enrol, participant, messages, hit } = flowHelpers(context, smtp);

let employee: string;

beforeAll(async () => {
  employee = (await call('POST', '/api/employees', { name: 'Eva Adviseur', email: 'eva@loket.example', mobile: '+31611111111' })).body.id;
  const templates: [string, string, string, string?][] = [
    ['welkom', 'email', 'Welkom {{ person.first_name }}', '<p>Hallo {{ person.first_name }}, lees <a href="https://loket.example/tips?a=1&b=2">onze tips</a>.</p><p><a href="{{ unsubscribe_url }}">Afmelden</a></p>'],
    ['herinnering', 'email', 'Nog even {{ person.first_name }}', '<p>Herinnering</p>'],
    ['intern', 'email', 'Nieuwe deelnemer {{ person.full_name }}', '<p>{{ person.email }}</p>'],
    ['sms-welkom', 'sms', '', 'Hoi {{ person.first_name }}, welkom bij het loket!'],
  ];
  for (const [key, channel, subject, body] of templates) {
    expect((await call('POST', '/api/templates', { key, name: key, channel, subject, body: body ?? subject })).status).toBe(201);
  }
  for (const name of ['Geen reactie', 'Niet mailen', 'Klanten']) expect((await call('POST', '/api/selections', { name })).status).toBe(201);
  expect((await call('POST', '/api/forms', { key: 'aanmelden', name: 'Aanmelden' })).status).toBe(201);
});

describe('flow steps on the manual clock', () => {
  it('sends a tracked e-mail with unsubscribe headers, waits, and sends the next one; keys are flow + participant + step + visit', async () => {
    const flowId = await runningFlow('Welkomstreeks', '  trigger manual\n  welkom: send email "welkom" subject "Hoi {{ person.first_name }}!"\n  wait 2 days\n  send email "herinnering"\n');
    const anna = await person({ firstName: 'Anna', email: 'anna@example.nl' });
    expect(await enrol(flowId, [anna])).toMatchObject({ enrolled: 1, queued: 0, refused: [] });
    await advance('PT0S');
    const [first] = mailsTo('anna@example.nl');
    expect(first?.subject).toBe('Hoi Anna!');
    expect(first?.raw).toMatch(/^List-Unsubscribe: <http[^>]+\/u\/[A-Za-z0-9_-]{22}>/m);
    expect(first?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(first?.from).toBe('info@energieloket.example');
    const body = decoded(first!);
    expect(body).not.toContain('https://loket.example/tips');
    expect(tokensIn(first!, 'l')).toHaveLength(1);
    expect(tokensIn(first!, 'o')).toHaveLength(1);
    expect(tokensIn(first!, 'u').length).toBeGreaterThanOrEqual(1);
    expect(await participant(flowId, anna)).toMatchObject({ status: 'active', stepId: 's1' });

    await advance('P1DT23H');
    expect(mailsTo('anna@example.nl')).toHaveLength(1);
    await advance('PT1H');
    expect(mailsTo('anna@example.nl').map((m) => m.subject)).toEqual(['Hoi Anna!', 'Nog even Anna']);
    expect(await participant(flowId, anna)).toMatchObject({ status: 'completed' });
    const keys = (await messages(`flow=${flowId}`)).map((m) => m.key).sort();
    expect(keys).toEqual([expect.stringMatching(/^flow:\d+:p:\d+:s2:v3$/), expect.stringMatching(/^flow:\d+:p:\d+:welkom:v1$/)]);

    // The tracked link redirects to the original address and records link.clicked; the pixel records email.opened.
    const click = await hit('GET', `/l/${tokensIn(first!, 'l')[0]}`);
    expect(click.status).toBe(302);
    expect(click.headers.get('location')).toBe('https://loket.example/tips?a=1&b=2');
    const pixel = await hit('GET', `/o/${tokensIn(first!, 'o')[0]}`);
    expect(pixel.status).toBe(200);
    expect(pixel.headers.get('content-type')).toBe('image/gif');
    const events = (await call('GET', `/api/change-events?entity=link&id=${anna}`)).body.items;
    expect(events[0]).toMatchObject({ kind: 'clicked' });
    expect((await hit('GET', '/l/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });

  it('attaches stored files to a flow e-mail', async () => {
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4 brochure'], { type: 'application/pdf' }), 'brochure.pdf');
    const uploaded = await fetch(`${context.app.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: form });
    expect(uploaded.status).toBe(201);
    const flowId = await runningFlow('Met bijlage', '  trigger manual\n  send email "welkom" attach "brochure.pdf"\n');
    const vera = await person({ firstName: 'Vera', email: 'vera@example.nl' });
    await enrol(flowId, [vera]);
    await advance('PT0S');
    const [mail] = mailsTo('vera@example.nl');
    expect(mail?.raw).toMatch(/Content-Disposition: attachment; filename=brochure\.pdf/);
    expect(mail?.raw).toContain(Buffer.from('%PDF-1.4 brochure').toString('base64'));
  });

  it('unsubscribes with the one-click POST: the person drops out of every flow and gets no further flow e-mail', async () => {
    const flowId = await runningFlow('Nieuwsbrief', '  trigger manual\n  send email "welkom"\n  wait 1 days\n  send email "herinnering"\n');
    const other = await runningFlow('Tweede reeks', '  trigger manual\n  wait 3 days\n  send email "herinnering"\n');
    const bob = await person({ firstName: 'Bob', email: 'bob@example.nl' });
    await enrol(flowId, [bob]);
    await enrol(other, [bob]);
    await advance('PT0S');
    const [mail] = mailsTo('bob@example.nl');
    const token = tokensIn(mail!, 'u')[0]!;
    const page = await hit('GET', `/u/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    const res = await hit('POST', `/u/${token}`, 'List-Unsubscribe=One-Click', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    expect((await call('GET', `/api/persons/${bob}`)).body.unsubscribed).toBe(true);
    await advance('P5D');
    expect(mailsTo('bob@example.nl')).toHaveLength(1);
    expect(await participant(flowId, bob)).toMatchObject({ status: 'dropout', reason: 'unsubscribed' });
    expect(await participant(other, bob)).toMatchObject({ status: 'dropout', reason: 'unsubscribed' });
  });

  it('sends an SMS in segments, skips a person without a mobile number or leaves as dropout, and notifies our contact', async () => {
    const flowId = await runningFlow('SMS-reeks', '  trigger manual\n  send sms template "sms-welkom"\n  notify email to our_contact template "intern"\n  notify sms to "+31699999999" "Nieuwe deelnemer {{ person.first_name }}"\n  send sms "Tot ziens {{ person.first_name }}" if no mobile leave {\n    add to selection "Geen reactie"\n  }\n');
    const carla = await person({ firstName: 'Carla', email: 'carla@example.nl', mobile: '+31612345678', ourContactId: employee });
    const dirk = await person({ firstName: 'Dirk', email: 'dirk@example.nl', ourContactId: employee });
    await enrol(flowId, [carla, dirk]);
    await advance('PT0S');
    const sms = (await messages(`flow=${flowId}`)).filter((m) => m.channel === 'sms');
    expect(sms.map((m) => m.to).sort()).toEqual(['+31612345678', '+31612345678', '+31699999999', '+31699999999']);
    expect(mailsTo('eva@loket.example').map((m) => m.subject).sort()).toEqual(['Nieuwe deelnemer Carla', 'Nieuwe deelnemer Dirk']);
    expect(await participant(flowId, carla)).toMatchObject({ status: 'completed' });
    expect(await participant(flowId, dirk)).toMatchObject({ status: 'dropout', reason: 'no mobile number' });
    const members = (await call('GET', `/api/selections?q=Geen`)).body.items[0];
    const list = (await call('GET', `/api/selections/${members.id}/members`)).body.items.map((p: { id: string }) => p.id);
    expect(list).toContain(dirk);
  });

  it('waits for a click: a click moves on at once; without one the time-out leaves as dropout with its leave actions', async () => {
    const flowId = await runningFlow('Klikreeks', '  trigger manual\n  mail: send email "welkom"\n  wait for link clicked in mail at most 3 days else leave {\n    add to selection "Geen reactie"\n  }\n  send email "herinnering"\n');
    const eva = await person({ firstName: 'Evi', email: 'evi@example.nl' });
    const fred = await person({ firstName: 'Fred', email: 'fred@example.nl' });
    await enrol(flowId, [eva, fred]);
    await advance('PT0S');
    expect(await participant(flowId, eva)).toMatchObject({ status: 'active', stepId: 's1' });
    await advance('PT5H');
    expect((await hit('GET', `/l/${tokensIn(mailsTo('evi@example.nl')[0]!, 'l')[0]}`)).status).toBe(302);
    await advance('PT0S');
    expect(mailsTo('evi@example.nl').map((m) => m.subject)).toEqual(['Welkom Evi', 'Nog even Evi']);
    expect(await participant(flowId, eva)).toMatchObject({ status: 'completed' });
    await advance('P2DT18H');
    expect(await participant(flowId, fred)).toMatchObject({ status: 'active', stepId: 's1' });
    await advance('PT1H');
    expect(await participant(flowId, fred)).toMatchObject({ status: 'dropout', reason: 'time-out' });
    expect(mailsTo('fred@example.nl')).toHaveLength(1);
  });

  it('continues after the time-out when the step says else continue, and counts a click made before the wait began', async () => {
    const flowId = await runningFlow('Open of niet', '  trigger manual\n  mail: send email "welkom"\n  wait 1 days\n  wait for email opened mail at most 2 days else continue\n  send email "herinnering"\n');
    const gert = await person({ firstName: 'Gert', email: 'gert@example.nl' });
    const hans = await person({ firstName: 'Hans', email: 'hans@example.nl' });
    await enrol(flowId, [gert, hans]);
    await advance('PT0S');
    await hit('GET', `/o/${tokensIn(mailsTo('gert@example.nl')[0]!, 'o')[0]}`);
    await advance('P1D');
    expect(mailsTo('gert@example.nl')).toHaveLength(2);
    expect(mailsTo('hans@example.nl')).toHaveLength(1);
    await advance('P2D');
    expect(mailsTo('hans@example.nl')).toHaveLength(2);
    expect(await participant(flowId, hans)).toMatchObject({ status: 'completed' });
  });

  it('waits until a moment in the flow\'s time zone, and waits for a form to be submitted', async () => {
    const now = new Date((await call('GET', '/api/clock')).body.now);
    const until = new Date(now.getTime() + 3 * 86_400_000).toISOString().slice(0, 10) + 'T09:00:00';
    const flowId = await runningFlow('Tot moment', `  timezone "Europe/Amsterdam"\n  trigger manual\n  wait until "${until}"\n  wait for form "aanmelden" submitted at most 10 days else leave\n  send email "herinnering"\n`);
    const wim = await person({ firstName: 'Wim', email: 'wim@example.nl' });
    await enrol(flowId, [wim]);
    await advance('PT0S');
    const expected = new Date(`${until}+01:00`);
    expect((await call('POST', '/api/clock/advance', { to: new Date(expected.getTime() - 1000).toISOString() })).status).toBe(200);
    expect(await participant(flowId, wim)).toMatchObject({ stepId: 's1' });
    expect((await call('POST', '/api/clock/advance', { to: expected.toISOString() })).status).toBe(200);
    expect(await participant(flowId, wim)).toMatchObject({ stepId: 's2' });
    expect((await call('POST', '/api/forms/aanmelden/submissions', { person: { email: 'wim@example.nl' } })).status).toBe(201);
    await advance('PT0S');
    expect(mailsTo('wim@example.nl').map((m) => m.subject)).toEqual(['Nog even Wim']);
    expect(await participant(flowId, wim)).toMatchObject({ status: 'completed' });
  });

  it('splits on the data as it is when the split is reached (changed during a wait); others leave', async () => {
    const flowId = await runningFlow('Splitsen', '  trigger manual\n  wait 1 days\n  split "Type" {\n    branch "Klant" when person.category = "Klant" {\n      send email "herinnering"\n    }\n    branch "Prospect" when person.category = "Prospect" {\n      send email "welkom"\n    }\n    others leave {\n      add to selection "Geen reactie"\n    }\n  }\n');
    const ivo = await person({ firstName: 'Ivo', email: 'ivo@example.nl', category: 'Prospect' });
    const jan = await person({ firstName: 'Jan', email: 'jan@example.nl', category: 'Prospect' });
    const kim = await person({ firstName: 'Kim', email: 'kim@example.nl' });
    await enrol(flowId, [ivo, jan, kim]);
    await advance('PT1H');
    expect((await call('PATCH', `/api/persons/${ivo}`, { category: 'Klant' })).status).toBe(200);
    await advance('P1D');
    expect(mailsTo('ivo@example.nl').map((m) => m.subject)).toEqual(['Nog even Ivo']);
    expect(mailsTo('jan@example.nl').map((m) => m.subject)).toEqual(['Welkom Jan']);
    expect(mailsTo('kim@example.nl')).toHaveLength(0);
    expect(await participant(flowId, kim)).toMatchObject({ status: 'completed', reason: 'left' });
  });

  it('splits on behaviour: who clicked in the flow\'s e-mail, who only opened it, who did neither', async () => {
    const flowId = await runningFlow('Gedrag', '  trigger manual\n  mail: send email "welkom"\n  wait 2 days\n  split "Reactie" {\n    branch "Klikkers" when participant.clicked = true {\n      send email "herinnering"\n    }\n    branch "Lezers" when participant.opened = true and participant.clicks = 0 {\n      send email "intern"\n    }\n    others leave\n  }\n');
    const [xavi, yara, zeno] = [await person({ firstName: 'Xavi', email: 'xavi@example.nl' }), await person({ firstName: 'Yara', email: 'yara@example.nl' }), await person({ firstName: 'Zeno', email: 'zeno@example.nl' })];
    await enrol(flowId, [xavi!, yara!, zeno!]);
    await advance('PT0S');
    await hit('GET', `/l/${tokensIn(mailsTo('xavi@example.nl')[0]!, 'l')[0]}`);
    await hit('GET', `/o/${tokensIn(mailsTo('yara@example.nl')[0]!, 'o')[0]}`);
    await advance('P2D');
    expect(mailsTo('xavi@example.nl').map((m) => m.subject)).toEqual(['Welkom Xavi', 'Nog even Xavi']);
    expect(mailsTo('yara@example.nl').map((m) => m.subject)).toEqual(['Welkom Yara', 'Nieuwe deelnemer Yara']);
    expect(mailsTo('zeno@example.nl')).toHaveLength(1);
    expect(await participant(flowId, zeno!)).toMatchObject({ status: 'completed', reason: 'left' });
  });

  it('counts success by a sale created through the API and stops; completes with success and moves on', async () => {
    const upsell = await runningFlow('Upsell', '  trigger manual\n  send email "herinnering"\n');
    const flowId = await runningFlow('Verkoop', `  trigger manual\n  success when sale created or person.category changed to "Klant" then stop\n  send email "welkom"\n  wait 7 days\n  send email "herinnering"\n  complete {\n    on success move to flow "Upsell"\n  }\n`);
    const continuing = await runningFlow('Doorgaan', `  trigger manual\n  success when person.category changed to "Klant" then continue\n  wait 1 days\n  complete {\n    on success move to flow "Upsell"\n  }\n`);
    const lies = await person({ firstName: 'Lies', email: 'lies@example.nl' });
    const mark = await person({ firstName: 'Mark', email: 'mark@example.nl' });
    await enrol(flowId, [lies]);
    await enrol(continuing, [mark]);
    await advance('PT0S');
    expect((await call('POST', '/api/sales', { title: 'Zonnepanelen', type: 'Standaard', stage: 'open', personId: lies })).status).toBe(201);
    expect((await call('PATCH', `/api/persons/${mark}`, { category: 'Klant' })).status).toBe(200);
    await advance('PT0S');
    expect(await participant(flowId, lies)).toMatchObject({ status: 'completed_success' });
    expect(await participant(continuing, mark)).toMatchObject({ status: 'active' });
    await advance('P8D');
    // Stopped on success: no more of this flow, but moved on to "Upsell" (its first e-mail).
    expect(mailsTo('lies@example.nl').map((m) => m.subject)).toEqual(['Welkom Lies', 'Nog even Lies']);
    expect(await participant(upsell, lies)).toMatchObject({ status: 'completed' });
    expect(await participant(continuing, mark)).toMatchObject({ status: 'completed_success' });
    expect(await participant(upsell, mark)).toMatchObject({ status: 'completed' });
    expect((await call('GET', `/api/flows/${continuing}/stats`)).body).toMatchObject({ enrolled: 1, successRate: 1 });
  });

  it('drops a participant out when it is added to the exclusion list later', async () => {
    const flowId = await runningFlow('Met uitsluiting', '  trigger manual\n  exclude selection "Niet mailen"\n  wait 2 days\n  send email "welkom"\n');
    const nina = await person({ firstName: 'Nina', email: 'nina@example.nl' });
    await enrol(flowId, [nina]);
    await advance('PT0S');
    const list = (await call('GET', '/api/selections?q=Niet')).body.items[0].id;
    expect((await call('POST', `/api/selections/${list}/members`, { personIds: [nina] })).body).toMatchObject({ added: 1 });
    await advance('P3D');
    expect(mailsTo('nina@example.nl')).toHaveLength(0);
    expect(await participant(flowId, nina)).toMatchObject({ status: 'dropout', reason: 'excluded' });
  });

  it('leaves by moving to another flow, whose own rules decide', async () => {
    const target = await runningFlow('Doelreeks', '  trigger manual\n  filter person.category = "Klant"\n  send email "herinnering"\n');
    const flowId = await runningFlow('Doorsturen', '  trigger manual\n  leave {\n    move to flow "Doelreeks"\n  }\n');
    const olga = await person({ firstName: 'Olga', email: 'olga@example.nl', category: 'Klant' });
    const piet = await person({ firstName: 'Piet', email: 'piet@example.nl' });
    await enrol(flowId, [olga, piet]);
    await advance('PT0S');
    expect(await participant(flowId, olga)).toMatchObject({ status: 'completed', reason: 'left' });
    expect(await participant(target, olga)).toMatchObject({ status: 'completed' });
    expect(await participant(target, piet)).toBeUndefined();
    expect((await call('GET', `/api/flows/${target}/stats`)).body.refused).toEqual({ filter: 1 });
  });
});

describe('a participant whose step fails', () => {
  it('retries and finally parks only its own job: the others in the same batch move on', async () => {
    await call('POST', '/api/selections', { name: 'Verdwijnt' });
    const broken = await runningFlow('Kapot', '  trigger manual\n  add to selection "Verdwijnt"\n  send email "welkom"\n');
    const healthy = await runningFlow('Gezond', '  trigger manual\n  send email "welkom"\n');
    const ok = await person({ firstName: 'Olle', email: 'olle@example.nl' });
    const stuck = await person({ firstName: 'Stijn', email: 'stijn@example.nl' });
    // Data changed behind the API (before anyone is enrolled, so no step can run first): the step cannot run.
    await context.db.query(`delete from "selection" where "name" = 'Verdwijnt'`);
    await enrol(broken, [stuck]);
    await enrol(healthy, [ok]);
    await advance('PT0S');
    expect(mailsTo('olle@example.nl')).toHaveLength(1);
    expect(await participant(healthy, ok)).toMatchObject({ status: 'completed' });
    expect(await participant(broken, stuck)).toMatchObject({ status: 'active', stepId: 's1' });
    await advance('PT2H');
    const jobs = await context.db.query(`select "status", "attempts", "last_error" from "job" where "kind" = 'flow.step' and "payload"->>'participantId' in (select "id"::text from "participant" where "flow_id" = ${broken})`);
    expect(jobs).toEqual([{ status: 'failed', attempts: 5, last_error: 'selection "Verdwijnt" no longer exists' }]);
    expect(mailsTo('stijn@example.nl')).toHaveLength(0);
  });
});

describe('pause, resume and end with participants on their way', () => {
  it('freezes waits while paused, queues new enrolments, moves on at resume, and never continues after end', async () => {
    const flowId = await runningFlow('Pauzeren', '  trigger manual\n  wait 1 days\n  send email "welkom"\n  wait 5 days\n  send email "herinnering"\n');
    const quinn = await person({ firstName: 'Quinn', email: 'quinn@example.nl' });
    const rosa = await person({ firstName: 'Rosa', email: 'rosa@example.nl' });
    await enrol(flowId, [quinn]);
    await advance('PT1H');
    expect((await call('POST', `/api/flows/${flowId}/pause`)).body.status).toBe('paused');
    expect(await enrol(flowId, [rosa])).toMatchObject({ enrolled: 0, queued: 1 });
    await advance('P2D');
    expect(mailsTo('quinn@example.nl')).toHaveLength(0);
    expect(await participant(flowId, rosa)).toMatchObject({ status: 'queued' });
    expect((await call('POST', `/api/flows/${flowId}/start`)).body.status).toBe('running');
    await advance('PT0S');
    // Quinn's wait ended during the pause: it moves on at resume; Rosa starts at the first step.
    expect(mailsTo('quinn@example.nl').map((m) => m.subject)).toEqual(['Welkom Quinn']);
    expect(await participant(flowId, rosa)).toMatchObject({ status: 'active', stepId: 's1' });
    await advance('P1D');
    expect(mailsTo('rosa@example.nl')).toHaveLength(1);
    expect((await call('POST', `/api/flows/${flowId}/end`)).body.status).toBe('not_running');
    expect(await participant(flowId, quinn)).toMatchObject({ status: 'cancelled' });
    expect((await call('POST', `/api/flows/${flowId}/start`)).body.status).toBe('running');
    await advance('P10D');
    expect(mailsTo('quinn@example.nl')).toHaveLength(1);
    expect(mailsTo('rosa@example.nl')).toHaveLength(1);
    expect(await participant(flowId, rosa)).toMatchObject({ status: 'cancelled' });
  });
});

describe('triggers', () => {
  it('enrols from a form submission (creating the person), with filter, exclusion and once per person', async () => {
    const flowId = await runningFlow('Formulier', '  trigger form "aanmelden" submitted\n  filter person.category != "Leverancier"\n  exclude selection "Niet mailen"\n  once per person\n  send email "welkom"\n');
    const submit = (person: Record<string, unknown>) => call('POST', '/api/forms/aanmelden/submissions', { person, answers: { interesse: 'isolatie' } });
    const first = await submit({ email: 'Sara@Example.nl', firstName: 'Sara' });
    expect(first.status).toBe(201);
    expect(first.body.personCreated).toBe(true);
    await advance('PT0S');
    expect(mailsTo('sara@example.nl').map((m) => m.subject)).toEqual(['Welkom Sara']);
    const again = await submit({ email: 'sara@example.nl' });
    expect(again.body).toMatchObject({ personId: first.body.personId, personCreated: false });
    const supplier = await submit({ email: 'leverancier@example.nl', firstName: 'Lev', category: 'Leverancier' });
    const blocked = await person({ firstName: 'Tom', email: 'tom@example.nl' });
    const list = (await call('GET', '/api/selections?q=Niet')).body.items[0].id;
    await call('POST', `/api/selections/${list}/members`, { personIds: [blocked] });
    await submit({ email: 'tom@example.nl' });
    await advance('PT0S');
    expect(mailsTo('sara@example.nl')).toHaveLength(1);
    expect(await participant(flowId, supplier.body.personId)).toBeUndefined();
    expect((await call('GET', `/api/flows/${flowId}/stats`)).body.refused).toEqual({ already_participated: 1, filter: 1, excluded: 1 });
    expect((await call('POST', '/api/forms/bestaat-niet/submissions', { person: { email: 'x@example.nl' } })).status).toBe(404);
    expect((await call('POST', '/api/forms/aanmelden/submissions', { person: { email: 'geen-adres' } })).status).toBe(400);
  });

  it('enrols when a person is added to a selection, a field changes, or an external event arrives', async () => {
    const bySelection = await runningFlow('Via selectie', '  trigger selection "Klanten" added\n  send email "welkom"\n');
    const byField = await runningFlow('Via veld', '  trigger when person.category changed to "Warm"\n  send email "herinnering"\n');
    const byClick = await runningFlow('Via klik', '  trigger link clicked\n  wait 1 days\n');
    const uma = await person({ firstName: 'Uma', email: 'uma@example.nl' });
    const klanten = (await call('GET', '/api/selections?q=Klanten')).body.items[0].id;
    await call('POST', `/api/selections/${klanten}/members`, { personIds: [uma] });
    await call('PATCH', `/api/persons/${uma}`, { category: 'Warm' });
    await call('PATCH', `/api/persons/${uma}`, { firstName: 'Uma B.' });
    const event = await call('POST', '/api/events', { type: 'link.clicked', personId: uma, data: { url: 'https://x.example' } });
    expect(event.status).toBe(202);
    await advance('PT0S');
    expect(await participant(bySelection, uma)).toMatchObject({ status: 'completed' });
    expect(await participant(byField, uma)).toMatchObject({ status: 'completed' });
    expect(await participant(byClick, uma)).toMatchObject({ status: 'active' });
    expect((await call('GET', `/api/flows/${byField}/participants`)).body.total).toBe(1);
    expect((await call('POST', '/api/events', { type: 'person.updated', personId: uma })).status).toBe(400);
    expect((await call('POST', '/api/events', { type: 'link.clicked', personId: '999999' })).status).toBe(400);
    expect((await call('POST', '/api/events', { type: 'nonsense' , personId: uma })).status).toBe(400);
  });
});
