import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { flowHelpers, tokensIn } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, mailsTo, person, runningFlow, enrol, participant, hit } = flowHelpers(context, smtp);

let employee: string;
let upsell: string;
let nazorg: string;

/** A running flow that waits a week after a tracked e-mail and then completes, moving on either outcome. */
async function criterionFlow(name: string, criterion: string, then = 'stop'): Promise<string> {
  return runningFlow(name, `  trigger manual\n  success when ${criterion} then ${then}\n  mail: send email "welkom"\n  wait 7 days\n  complete {\n    on success move to flow "Upsell"\n    on no_success move to flow "Nazorg"\n  }\n`);
}

/** Enrols a new person, lets the first step run, does `act`, and expects success with the move to "Upsell". */
async function expectSuccess(flowId: string, first: string, act: (personId: string) => Promise<void>): Promise<string> {
  const personId = await person({ firstName: first, email: `${first.toLowerCase()}@example.nl` });
  await enrol(flowId, [personId]);
  await advance('PT0S');
  expect(await participant(flowId, personId)).toMatchObject({ status: 'active', stepId: expect.any(String) });
  await act(personId);
  await advance('PT0S');
  expect(await participant(flowId, personId)).toMatchObject({ status: 'completed_success' });
  expect(await participant(upsell, personId)).toMatchObject({ status: 'active' });
  expect(await participant(nazorg, personId)).toBeUndefined();
  return personId;
}

beforeAll(async () => {
  employee = (await call('POST', '/api/employees', { name: 'Eva Adviseur', email: 'eva@loket.example' })).body.id;
  const body = '<p>Hallo {{ person.first_name }}, lees <a href="https://loket.example/tips">onze tips</a>.</p><p><a href="{{ unsubscribe_url }}">Afmelden</a></p>';
  expect((await call('POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom {{ person.first_name }}', body })).status).toBe(201);
  expect((await call('POST', '/api/selections', { name: 'Warme leads' })).status).toBe(201);
  expect((await call('POST', '/api/projects', { name: 'Wijkaanpak' })).status).toBe(201);
  expect((await call('POST', '/api/forms', { key: 'offerte', name: 'Offerte' })).status).toBe(201);
  // The targets wait a long time, so a moved person stays visible there as active.
  upsell = await runningFlow('Upsell', '  trigger manual\n  wait 30 days\n');
  nazorg = await runningFlow('Nazorg', '  trigger manual\n  wait 30 days\n');
});

describe('success criteria at run time, then stop with the success move', () => {
  it('person updated', async () => {
    const flowId = await criterionFlow('Klant geworden', 'person.category changed to "Klant"');
    await expectSuccess(flowId, 'Anna', async (id) => {
      expect((await call('PATCH', `/api/persons/${id}`, { category: 'Klant' })).status).toBe(200);
    });
  });

  it('a sale at the person', async () => {
    const flowId = await criterionFlow('Verkoop persoon', 'sale created');
    await expectSuccess(flowId, 'Bert', async (id) => {
      expect((await call('POST', '/api/sales', { title: 'Isolatie', type: 'Standaard', stage: 'open', personId: id })).status).toBe(201);
    });
  });

  it("a sale at the person's company, with or without a contact person on the sale", async () => {
    const flowId = await criterionFlow('Verkoop bedrijf', 'sale created');
    const company = (await call('POST', '/api/companies', { name: 'Bakkerij Zon' })).body.id;
    const colleague = await person({ firstName: 'Collega', email: 'collega@example.nl', companyId: company });
    const cas = await expectSuccess(flowId, 'Cas', async (id) => {
      expect((await call('PATCH', `/api/persons/${id}`, { companyId: company })).status).toBe(200);
      expect((await call('POST', '/api/sales', { title: 'Zonnepanelen', type: 'Standaard', stage: 'sold', companyId: company })).status).toBe(201);
    });
    expect(cas).toBeDefined();
    // A sale naming a colleague at the same company counts too.
    const dirk = await person({ firstName: 'Dirk', email: 'dirk@example.nl', companyId: company });
    await enrol(flowId, [dirk]);
    await advance('PT0S');
    expect((await call('POST', '/api/sales', { title: 'Warmtepomp', type: 'Standaard', stage: 'open', personId: colleague, companyId: company })).status).toBe(201);
    await advance('PT0S');
    expect(await participant(flowId, dirk)).toMatchObject({ status: 'completed_success' });
    // A person of another company is not touched by it.
    const elsewhere = await person({ firstName: 'Elders', email: 'elders@example.nl' });
    await enrol(flowId, [elsewhere]);
    await advance('PT0S');
    expect((await call('POST', '/api/sales', { title: 'Nog een', type: 'Standaard', stage: 'open', companyId: company })).status).toBe(201);
    await advance('PT0S');
    expect(await participant(flowId, elsewhere)).toMatchObject({ status: 'active' });
  });

  it('a follow-up', async () => {
    const flowId = await criterionFlow('Afspraak', 'follow_up created');
    await expectSuccess(flowId, 'Fien', async (id) => {
      const res = await call('POST', '/api/follow-ups', { title: 'Bellen', type: 'Telefoontje', start: new Date().toISOString(), assignedToId: employee, personId: id });
      expect(res.status).toBe(201);
    });
  });

  it('a request', async () => {
    const flowId = await criterionFlow('Verzoek', 'request created');
    await expectSuccess(flowId, 'Gijs', async (id) => {
      expect((await call('POST', '/api/requests', { title: 'Vraag', type: 'Advies', status: 'Open', personId: id })).status).toBe(201);
    });
  });

  it('added to a selection', async () => {
    const flowId = await criterionFlow('Selectie', 'added to selection "Warme leads"');
    const list = (await call('GET', '/api/selections?q=Warme')).body.items[0].id;
    await expectSuccess(flowId, 'Hans', async (id) => {
      expect((await call('POST', `/api/selections/${list}/members`, { personIds: [id] })).status).toBe(200);
    });
  });

  it('added to a project', async () => {
    const flowId = await criterionFlow('Project', 'added to project "Wijkaanpak"');
    const project = (await call('GET', '/api/projects?q=Wijk')).body.items[0].id;
    await expectSuccess(flowId, 'Ilse', async (id) => {
      expect((await call('POST', `/api/projects/${project}/members`, { personIds: [id] })).status).toBe(200);
    });
  });

  it('a form submitted', async () => {
    const flowId = await criterionFlow('Formulier', 'form "offerte" submitted');
    await expectSuccess(flowId, 'Joost', async () => {
      const res = await call('POST', '/api/forms/offerte/submissions', { person: { email: 'joost@example.nl' }, answers: { wens: 'zon' } });
      expect(res.status).toBe(201);
    });
  });

  it("a link clicked in the flow's own e-mail", async () => {
    const flowId = await criterionFlow('Klik', 'link clicked');
    await expectSuccess(flowId, 'Kees', async () => {
      const [mail] = mailsTo('kees@example.nl');
      expect((await hit('GET', `/l/${tokensIn(mail!, 'l')[0]}`)).status).toBe(302);
    });
  });
});

describe('completing with or without success', () => {
  it('completes without success at the end and moves where no_success says', async () => {
    const flowId = await criterionFlow('Geen succes', 'sale created');
    const lot = await person({ firstName: 'Lot', email: 'lot@example.nl' });
    await enrol(flowId, [lot]);
    await advance('P8D');
    expect(await participant(flowId, lot)).toMatchObject({ status: 'completed' });
    expect(await participant(nazorg, lot)).toMatchObject({ status: 'active' });
    expect(await participant(upsell, lot)).toBeUndefined();
  });

  it('with then continue, goes on after the success and moves as successful at the end', async () => {
    const flowId = await criterionFlow('Doorgaan', 'request created', 'continue');
    const mia = await person({ firstName: 'Mia', email: 'mia@example.nl' });
    await enrol(flowId, [mia]);
    await advance('PT0S');
    expect((await call('POST', '/api/requests', { title: 'Vraag', type: 'Advies', status: 'Open', personId: mia })).status).toBe(201);
    await advance('PT0S');
    expect(await participant(flowId, mia)).toMatchObject({ status: 'active' });
    await advance('P8D');
    expect(await participant(flowId, mia)).toMatchObject({ status: 'completed_success' });
    expect(await participant(upsell, mia)).toMatchObject({ status: 'active' });
    expect(await participant(nazorg, mia)).toBeUndefined();
  });

  it('a success met while the flow is paused stops the queued participant and moves it', async () => {
    const flowId = await criterionFlow('Gepauzeerd', 'person.category changed to "Klant"');
    expect((await call('POST', `/api/flows/${flowId}/pause`)).status).toBe(200);
    const nora = await person({ firstName: 'Nora', email: 'nora@example.nl' });
    expect(await enrol(flowId, [nora])).toMatchObject({ queued: 1 });
    expect((await call('PATCH', `/api/persons/${nora}`, { category: 'Klant' })).status).toBe(200);
    await advance('PT0S');
    expect(await participant(flowId, nora)).toMatchObject({ status: 'completed_success' });
    expect(await participant(upsell, nora)).toMatchObject({ status: 'active' });
  });
});
