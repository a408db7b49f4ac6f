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
const { call, advance, person, runningFlow, enrol, participant } = flowHelpers(context, smtp);

const employees: Record<string, string> = {};
let now: Date;

beforeAll(async () => {
  const group = (await call('POST', '/api/groups', { name: 'Adviseurs' })).body.id;
  for (const [key, fields] of Object.entries({
    eva: { name: 'Eva', email: 'eva@loket.example', groupId: group },
    ali: { name: 'Ali', email: 'ali@loket.example', groupId: group },
    bep: { name: 'Bep', email: 'bep@loket.example', groupId: group, available: false },
    vik: { name: 'Vik', email: 'vik@loket.example' },
  })) {
    const res = await call('POST', '/api/employees', fields);
    expect(res.status).toBe(201);
    employees[key] = res.body.id;
  }
  for (const name of ['Actief', 'Oud']) expect((await call('POST', '/api/selections', { name })).status).toBe(201);
  expect((await call('POST', '/api/projects', { name: 'Wijkaanpak' })).status).toBe(201);
  now = new Date((await call('GET', '/api/clock')).body.now);
});

describe('CRM-action steps', () => {
  it('updates the person (set, clear, add, remove) and changes selection and project memberships, each with its event', async () => {
    const flowId = await runningFlow('Bijwerken', '  trigger manual\n  update person {\n    set category = "Klant"\n    clear mobile\n    add interests "isolatie"\n    add interests "zon"\n    remove interests "warmtepomp"\n    increase extra.score by 5\n    set extra.bron = \"flow\"\n  }\n  add to selection "Actief"\n  add to project "Wijkaanpak"\n  remove from selection "Oud"\n');
    const anna = await person({ firstName: 'Anna', email: 'anna@example.nl', mobile: '+31600000000', interests: ['warmtepomp', 'zon'], extra: { score: 10, wijk: 'Oost' } });
    const oud = (await call('GET', '/api/selections?q=Oud')).body.items[0].id;
    await call('POST', `/api/selections/${oud}/members`, { personIds: [anna] });
    await enrol(flowId, [anna]);
    await advance('PT0S');
    expect((await call('GET', `/api/persons/${anna}`)).body).toMatchObject({ category: 'Klant', mobile: null, interests: ['zon', 'isolatie'], extra: { score: 15, wijk: 'Oost', bron: 'flow' } });
    expect(await participant(flowId, anna)).toMatchObject({ status: 'completed' });
    const actief = (await call('GET', '/api/selections?q=Actief')).body.items[0].id;
    const project = (await call('GET', '/api/projects?q=Wijk')).body.items[0].id;
    expect((await call('GET', `/api/selections/${actief}/members`)).body.items.map((p: { id: string }) => p.id)).toEqual([anna]);
    expect((await call('GET', `/api/projects/${project}/members`)).body.items.map((p: { id: string }) => p.id)).toEqual([anna]);
    expect((await call('GET', `/api/selections/${oud}/members`)).body.total).toBe(0);
    const events = (await call('GET', `/api/change-events?entity=person&id=${anna}`)).body.items;
    expect(events[0]).toMatchObject({ kind: 'updated', actor: 'system', changes: { category: { from: null, to: 'Klant' } } });
  });

  it('creates a follow-up at the first free working hour of our contact, a request and a sale, each seen by success criteria', async () => {
    const flowId = await runningFlow('Aanmaken', `  trigger manual\n  success when sale created then continue\n  create follow_up "Bellen met {{ person.first_name }}" type "Telefoontje" project "Wijkaanpak" at first_available assign our_contact agenda "Offerte bespreken"\n  create follow_up "Nabellen" type "Telefoontje" after 2 workdays assign "vik@loket.example"\n  create request "Advies {{ person.first_name }}" type "Advies" status "Open" priority "Hoog" owner auto message "Graag advies over {{ person.interests | join: ', ' }}"\n  create sale "Zonnepanelen" type "Standaard" stage open amount 5000 date after 2 weeks\n  complete\n`);
    const bert = await person({ firstName: 'Bert', email: 'bert@example.nl', ourContactId: employees.eva, interests: ['zon'] });
    await enrol(flowId, [bert]);
    await advance('PT0S');
    const follow = (await call('GET', `/api/follow-ups?personId=${bert}`)).body.items;
    expect(follow).toHaveLength(2);
    const meeting = follow.find((f: { title: string }) => f.title === 'Bellen met Bert');
    expect(meeting).toMatchObject({ type: 'Telefoontje', assignedToId: employees.eva, agenda: 'Offerte bespreken' });
    const start = new Date(meeting.start);
    expect(start.getTime()).toBeGreaterThan(now.getTime());
    expect(start.getUTCMinutes()).toBe(0);
    const local = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', timeZone: 'Europe/Amsterdam' }).format(start));
    expect(local).toBeGreaterThanOrEqual(9);
    expect(local).toBeLessThan(17);
    expect(follow.find((f: { title: string }) => f.title === 'Nabellen')).toMatchObject({ assignedToId: employees.vik });
    const [request] = (await call('GET', `/api/requests?personId=${bert}`)).body.items;
    expect(request).toMatchObject({ title: 'Advies Bert', ownerId: employees.eva, status: 'Open', priority: 'Hoog', message: 'Graag advies over zon' });
    const [sale] = (await call('GET', `/api/sales?personId=${bert}`)).body.items;
    expect(sale).toMatchObject({ title: 'Zonnepanelen', stage: 'open', amount: 5000, ownerId: employees.eva });
    expect(new Date(sale.date).getTime() - new Date((await call('GET', '/api/clock')).body.now).getTime()).toBe(14 * 86_400_000);
    expect(await participant(flowId, bert)).toMatchObject({ status: 'completed_success' });

    // A second person at the same moment gets the next free hour of the same contact.
    const cor = await person({ firstName: 'Cor', email: 'cor@example.nl', ourContactId: employees.eva });
    await enrol(flowId, [cor]);
    await advance('PT0S');
    const second = (await call('GET', `/api/follow-ups?personId=${cor}`)).body.items.find((f: { title: string }) => f.title === 'Bellen met Cor');
    expect(new Date(second.start).getTime()).not.toBe(start.getTime());
  });

  it('updates the persons of a batch of participants together: later steps see the new values, a person in two flows gets both updates', async () => {
    const flowId = await runningFlow('Samen bijwerken', '  trigger manual\n  update person {\n    set category = "Klant"\n    clear mobile\n    add interests "samen"\n    increase extra.score by 1\n  }\n  split "Na bijwerken" {\n    branch "Klanten" when person.category = "Klant" {\n      update person {\n        increase extra.score by 10\n      }\n    }\n    others leave\n  }\n');
    const other = await runningFlow('Ook bijwerken', '  trigger manual\n  update person {\n    increase extra.score by 100\n  }\n');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await person({ firstName: `S${i}`, email: `samen${i}@example.nl`, mobile: `+3161234567${i}`, interests: ['zon'], extra: { score: i } }));
    await enrol(flowId, ids);
    await enrol(other, [ids[0]!]);
    await advance('PT0S');
    for (const [i, id] of ids.entries()) {
      // 1 and 10 from the first flow (its split saw the new category), 100 from the second for the first person.
      const updated = (await call('GET', `/api/persons/${id}`)).body;
      expect(updated).toMatchObject({ category: 'Klant', interests: ['zon', 'samen'], extra: { score: i + 11 + (i === 0 ? 100 : 0) } });
      expect(updated.mobile ?? null).toBeNull();
      expect(await participant(flowId, id)).toMatchObject({ status: 'completed' });
      const events = (await call('GET', `/api/change-events?entity=person&id=${id}`)).body.items.filter((e: { kind: string }) => e.kind === 'updated');
      expect(events).toHaveLength(i === 0 ? 3 : 2);
    }
    expect(await participant(other, ids[0]!)).toMatchObject({ status: 'completed' });
  });

  it('a refused update holds back only its own participant; two persons given one e-mail address: the second is refused', async () => {
    const clearing = await runningFlow('Adres wissen', '  trigger manual\n  update person {\n    clear email\n  }\n');
    const named = await person({ firstName: 'Met naam', email: 'naam@example.nl' });
    const bare = await person({ email: 'alleen-adres@example.nl' });
    await enrol(clearing, [named, bare]);
    await advance('PT0S');
    expect((await call('GET', `/api/persons/${named}`)).body.email).toBeNull();
    expect(await participant(clearing, named)).toMatchObject({ status: 'completed' });
    // Nothing left to reach the person by: refused, the participant stays on the step to be retried.
    expect((await call('GET', `/api/persons/${bare}`)).body.email).toBe('alleen-adres@example.nl');
    expect(await participant(clearing, bare)).toMatchObject({ status: 'active' });

    const sharing = await runningFlow('Adres delen', '  trigger manual\n  update person {\n    set email = "gedeeld@example.nl"\n  }\n');
    const pair = [await person({ firstName: 'Een', email: 'een@example.nl' }), await person({ firstName: 'Twee', email: 'twee@example.nl' })];
    await enrol(sharing, pair);
    await advance('PT0S');
    const emails = await Promise.all(pair.map(async (id) => (await call('GET', `/api/persons/${id}`)).body.email));
    expect(emails.filter((email) => email === 'gedeeld@example.nl')).toHaveLength(1);
    expect(await Promise.all(pair.map(async (id) => (await participant(sharing, id))?.status))).toEqual(expect.arrayContaining(['completed', 'active']));
  });

  it('distributes unassigned persons evenly over the available members of a group, and leaves assigned ones alone', async () => {
    const flowId = await runningFlow('Verdelen', '  trigger manual\n  distribute to owner group "Adviseurs" fallback "vik@loket.example" if unassigned\n');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await person({ firstName: `D${i}`, email: `d${i}@example.nl` }));
    const assigned = await person({ firstName: 'Vast', email: 'vast@example.nl', ourContactId: employees.vik });
    await enrol(flowId, [...ids, assigned]);
    await advance('PT0S');
    const owners = await Promise.all(ids.map(async (id) => (await call('GET', `/api/persons/${id}`)).body.ourContactId));
    expect(owners.filter((o) => o === employees.bep)).toHaveLength(0);
    const counts = await Promise.all([employees.eva, employees.ali].map(async (e) => (await call('GET', `/api/persons?ourContactId=${e}&limit=1000`)).body.total));
    expect(Math.abs(counts[0]! - counts[1]!)).toBeLessThanOrEqual(1);
    expect((await call('GET', `/api/persons/${assigned}`)).body.ourContactId).toBe(employees.vik);

    const everyoneAway = await runningFlow('Niemand', '  trigger manual\n  distribute to owner among "bep@loket.example" fallback "vik@loket.example"\n');
    const lone = await person({ firstName: 'Los', email: 'los@example.nl' });
    await enrol(everyoneAway, [lone]);
    await advance('PT0S');
    expect((await call('GET', `/api/persons/${lone}`)).body.ourContactId).toBe(employees.vik);
  });
});
