import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decoded, flowHelpers } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, mailsTo, person, runningFlow, enrol, participant, messages } = flowHelpers(context, smtp);

const employees: Record<string, string> = {};
let adviseurs: string;

/** Monday 1 March 2027, 08:30 in Amsterdam: a working week ahead without holidays. */
const MONDAY = '2027-03-01T07:30:00.000Z';

beforeAll(async () => {
  expect((await call('POST', '/api/clock/advance', { to: MONDAY })).status).toBe(200);
  adviseurs = (await call('POST', '/api/groups', { name: 'Adviseurs' })).body.id;
  for (const [key, fields] of Object.entries({
    eva: { name: 'Eva', email: 'eva@loket.example', mobile: '+31611111111', groupId: adviseurs },
    ali: { name: 'Ali', email: 'ali@loket.example', groupId: adviseurs },
    bep: { name: 'Bep', email: 'bep@loket.example', groupId: adviseurs, available: false },
    vik: { name: 'Vik', email: 'vik@loket.example' },
    wim: { name: 'Wim', email: 'wim@loket.example' },
  })) {
    const res = await call('POST', '/api/employees', fields);
    expect(res.status).toBe(201);
    employees[key] = res.body.id;
  }
});

describe('notify by e-mail and SMS as seed 003 has them', () => {
  it("sends a notification with its own subject and text, and SMS from the step's own sender or the flow's", async () => {
    const flowId = await runningFlow('Melden', [
      '  trigger manual',
      '  notify email to our_contact subject "Nieuwe lead: {{ person.full_name }}" "Bel {{ person.first_name }} <vandaag>.\\nGroet, de flow"',
      '  notify email to "team@loket.example" subject "Lead" "Voor het team"',
      '  notify sms to our_contact "Lead {{ person.first_name }}" from "Teamleider"',
      '  send sms "Hallo {{ person.first_name }}" from "+31201234567"',
      '  send sms "Tot ziens"',
      '',
    ].join('\n'));
    const anna = await person({ firstName: 'Anna', lastName: 'Bakker', email: 'anna@example.nl', mobile: '+31622222222', ourContactId: employees.eva });
    await enrol(flowId, [anna]);
    await advance('PT0S');
    const [mail] = mailsTo('eva@loket.example');
    expect(mail?.subject).toBe('Nieuwe lead: Anna Bakker');
    expect(decoded(mail!)).toContain('Bel Anna &lt;vandaag&gt;.<br>Groet, de flow');
    expect(mailsTo('team@loket.example').map((m) => m.subject)).toEqual(['Lead']);
    const sms = (await messages(`flowId=${flowId}&channel=sms`)) as unknown as { to: string; body: string; from: string }[];
    expect(sms.map((m) => [m.to, m.from]).sort()).toEqual([
      ['+31611111111', 'Teamleider'], ['+31622222222', '+31201234567'], ['+31622222222', 'Loket'],
    ].sort());
    expect(await participant(flowId, anna)).toMatchObject({ status: 'completed' });
  });
});

describe('follow-ups at the first free working hour', () => {
  it('"after 2 workdays" takes the first hour of that day the assignee has free; "first available" the first free hour from now', async () => {
    // Eva's diary: Monday 09:00, Wednesday 09:00 and 10:15 (Amsterdam, UTC+1).
    for (const start of ['2027-03-01T08:00:00Z', '2027-03-03T08:00:00Z', '2027-03-03T09:15:00Z']) {
      expect((await call('POST', '/api/follow-ups', { title: 'Bezet', type: 'Vergadering', start, assignedToId: employees.eva })).status).toBe(201);
    }
    const flowId = await runningFlow('Afspraken', '  trigger manual\n  create follow_up "Later" type "Telefoontje" after 2 workdays assign our_contact\n  create follow_up "Zo snel mogelijk" type "Telefoontje" at first_available assign our_contact\n  create follow_up "Nog eens later" type "Telefoontje" after 2 workdays assign our_contact\n');
    const bob = await person({ firstName: 'Bob', email: 'bob@example.nl', ourContactId: employees.eva });
    await enrol(flowId, [bob]);
    await advance('PT0S');
    const starts = Object.fromEntries((await call('GET', `/api/follow-ups?personId=${bob}`)).body.items.map((f: { title: string; start: string }) => [f.title, f.start]));
    expect(starts).toEqual({
      'Later': '2027-03-03T10:00:00.000Z', // Wednesday 11:00: 09:00 and 10:00 are taken
      'Zo snel mogelijk': '2027-03-01T09:00:00.000Z', // Monday 10:00: 09:00 is taken
      'Nog eens later': '2027-03-03T11:00:00.000Z', // the step before took 11:00
    });
  });
});

describe('distribute to owner, only if unassigned', () => {
  it('with the switch leaves an assigned person alone; without it assigns the least loaded available member', async () => {
    const keep = await runningFlow('Alleen nieuwe', '  trigger manual\n  distribute to owner among "ali@loket.example" if unassigned\n');
    const always = await runningFlow('Altijd', '  trigger manual\n  distribute to owner among "ali@loket.example", "bep@loket.example"\n');
    const kees = await person({ firstName: 'Kees', email: 'kees@example.nl', ourContactId: employees.vik });
    const lien = await person({ firstName: 'Lien', email: 'lien@example.nl', ourContactId: employees.vik });
    const nieuw = await person({ firstName: 'Nieuw', email: 'nieuw@example.nl' });
    await enrol(keep, [kees, nieuw]);
    await enrol(always, [lien]);
    await advance('PT0S');
    expect((await call('GET', `/api/persons/${kees}`)).body.ourContactId).toBe(employees.vik);
    expect((await call('GET', `/api/persons/${nieuw}`)).body.ourContactId).toBe(employees.ali);
    // Bep is away: Ali gets Lien although Lien had an owner.
    expect((await call('GET', `/api/persons/${lien}`)).body.ourContactId).toBe(employees.ali);
  });
});

describe('assignment rules for requests with owner auto', () => {
  it('CRUD with clear 4xx answers', async () => {
    const created = await call('POST', '/api/assignment-rules', { requestType: 'Klacht', employeeIds: [employees.vik, employees.wim] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ requestType: 'Klacht', groupId: null, employeeIds: [employees.vik, employees.wim] });
    expect((await call('POST', '/api/assignment-rules', { requestType: 'Advies', groupId: adviseurs })).status).toBe(201);
    const neither = await call('POST', '/api/assignment-rules', { requestType: 'Leeg' });
    expect(neither.status).toBe(400);
    expect(neither.body).toMatchObject({ code: 'assignment_rule.pool', details: { fields: ['groupId', 'employeeIds'] } });
    expect((await call('POST', '/api/assignment-rules', { requestType: 'Beide', groupId: adviseurs, employeeIds: [employees.vik] })).status).toBe(400);
    const unknown = await call('POST', '/api/assignment-rules', { requestType: 'Onbekend', employeeIds: ['999999'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'record.unknown_reference', details: { field: 'employeeIds' } });
    expect((await call('POST', '/api/assignment-rules', { requestType: 'Klacht', groupId: adviseurs })).status).toBe(409);
    expect((await call('DELETE', `/api/groups/${adviseurs}`)).status).toBe(409);
    const list = await call('GET', '/api/assignment-rules');
    expect(list.body.total).toBe(2);
    const updated = await call('PUT', `/api/assignment-rules/${created.body.id}`, { ...created.body, employeeIds: [employees.wim, employees.vik] });
    expect(updated.status).toBe(200);
    const temporary = await call('POST', '/api/assignment-rules', { requestType: 'Tijdelijk', employeeIds: [employees.vik] });
    expect((await call('DELETE', `/api/assignment-rules/${temporary.body.id}`)).status).toBe(204);
  });

  it('spreads the requests of a type evenly over the rule\'s available employees; without a rule, our contact', async () => {
    const flowId = await runningFlow('Verzoeken', '  trigger manual\n  create request "Klacht van {{ person.first_name }}" type "Klacht" status "Open" owner auto\n  create request "Advies" type "Advies" status "Open" owner auto\n  create request "Overig" type "Overig" status "Open" owner auto\n');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await person({ firstName: `R${i}`, email: `r${i}@example.nl`, ourContactId: employees.eva }));
    await enrol(flowId, ids);
    await advance('PT0S');
    const requests = (await call('GET', '/api/requests?limit=1000')).body.items as { type: string; ownerId: string }[];
    const owners = (type: string) => requests.filter((r) => r.type === type).map((r) => r.ownerId).sort();
    expect(owners('Klacht')).toEqual([employees.vik, employees.vik, employees.wim, employees.wim].sort());
    // The group's available members: Eva and Ali (Bep is away).
    expect(owners('Advies')).toEqual([employees.eva, employees.eva, employees.ali, employees.ali].sort());
    expect(owners('Overig')).toEqual([employees.eva, employees.eva, employees.eva, employees.eva]);
    for (const id of ids) expect(await participant(flowId, id)).toMatchObject({ status: 'completed' });
  });

  it('falls back to our contact when everyone of the rule is away', async () => {
    expect((await call('POST', '/api/assignment-rules', { requestType: 'Vakantie', employeeIds: [employees.bep] })).status).toBe(201);
    const flowId = await runningFlow('Vakantie', '  trigger manual\n  create request "Vraag" type "Vakantie" status "Open" owner auto\n');
    const rik = await person({ firstName: 'Rik', email: 'rik@example.nl', ourContactId: employees.vik });
    await enrol(flowId, [rik]);
    await advance('PT0S');
    expect((await call('GET', `/api/requests?personId=${rik}`)).body.items[0]).toMatchObject({ type: 'Vakantie', ownerId: employees.vik });
  });
});
