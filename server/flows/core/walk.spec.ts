import { describe, expect, it } from '@jest/globals';
import { compileFlow, parse, type Flow as FlowAst } from '@stroom/dsl';
import { appCalendar } from '../../scheduling/calendar.js';
import { FlowWalker, MAX_STEPS_PER_PERSON, type WalkHooks, type WalkSetup } from './walk.js';

const calendar = appCalendar({ appTimezone: 'Europe/Amsterdam', holidays: [] });
const MONDAY_9 = new Date('2026-03-02T08:00:00Z');
const DAY = 86_400_000;
const UNTIL = new Date(MONDAY_9.getTime() + 30 * DAY);

function walker(source: string, webhookStatus = 200, setup: Partial<WalkSetup> = {}): FlowWalker {
  const { ast, diagnostics } = parse(source);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return new FlowWalker({ flowId: '7', graph: compileFlow(ast.declarations[0] as FlowAst), calendar, opening: () => undefined, webhookStatus, ...setup });
}

const facts = (fields: Record<string, unknown> = {}) => ({ person: { id: '1', email: 'an@example.nl', mobile: '+31612345678', category: 'Lead', ...fields } });

/** The hooks a test listens with: what arrived and what the walk told, in order. */
function recording(overrides: WalkHooks = {}): { hooks: WalkHooks; log: string[] } {
  const log: string[] = [];
  const at = (moment: Date) => `+${Math.round((moment.getTime() - MONDAY_9.getTime()) / 3_600_000)}h`;
  return {
    log,
    hooks: {
      arrive: (node, moment) => log.push(`arrive ${node.id} ${at(moment)}`),
      message: (node, channel, moment, _facts, deliverable) => (log.push(`${channel} ${node.id} ${at(moment)}${deliverable ? '' : ' undeliverable'}`), true),
      updated: (node, _moment, _before, _after, changes) => void log.push(`update ${node.id} ${JSON.stringify(changes)}`),
      created: (node) => void log.push(`create ${node.kind}`),
      membership: (node) => log.push(`membership ${node.id}`),
      leaving: (node, _moment, actions) => log.push(`leaving ${node.id} ${actions.map((a) => a.kind).join(',')}`),
      ...overrides,
    },
  };
}

describe('the walk of one participant (pure core)', () => {
  it('tells every arrival, message, change and record with its moment, and ends completed', async () => {
    const { hooks, log } = recording();
    const result = await walker(`flow "Pad" {
      welkom: send email "Welkom"
      wacht: wait 2 days
      klant: update person {
        set category = "Klant"
      }
      verkoop: create sale "Panelen" type "Particulier" stage open
      lijst: add to selection "Klanten"
    }`).walk('1', facts(), MONDAY_9, UNTIL, hooks);
    expect(log).toEqual([
      'arrive welkom +0h', 'email welkom +0h', 'arrive wacht +0h', 'arrive klant +48h', 'update klant {"category":{"from":"Lead","to":"Klant"}}',
      'arrive verkoop +48h', 'create create_sale', 'arrive lijst +48h', 'membership lijst',
    ]);
    expect(result).toEqual({ kind: 'completed', at: new Date(MONDAY_9.getTime() + 2 * DAY) });
  });

  it('waits on a send step the contact policy defers, arriving once, and goes on past a skipped one', async () => {
    const deferred = recording({ contact: (_node, _channel, at) => (at.getTime() === MONDAY_9.getTime() ? { kind: 'defer', until: new Date(MONDAY_9.getTime() + DAY) } : { kind: 'send' }) });
    const flow = walker(`flow "Beleid" {
      nieuws: send email "Nieuws"
      tekst: send sms "Hoi"
    }`);
    await flow.walk('1', facts(), MONDAY_9, UNTIL, deferred.hooks);
    expect(deferred.log).toEqual(['arrive nieuws +0h', 'email nieuws +24h', 'arrive tekst +24h', 'sms tekst +24h']);
    const skipped = recording({ contact: () => ({ kind: 'skip' }) });
    await flow.walk('1', facts(), MONDAY_9, UNTIL, skipped.hooks);
    expect(skipped.log).toEqual(['arrive nieuws +0h', 'arrive tekst +0h']);
  });

  it('drops out when a message cannot be rendered, or the person has no e-mail address', async () => {
    const flow = walker(`flow "Kapot" {
      kapot: send email "Kapot"
      daarna: send sms "Nooit"
    }`);
    const failing = recording({ message: () => false });
    expect(await flow.walk('1', facts(), MONDAY_9, UNTIL, failing.hooks)).toMatchObject({ kind: 'dropout' });
    expect(failing.log).toEqual(['arrive kapot +0h']);
    const noAddress = recording();
    expect(await flow.walk('1', facts({ email: null }), MONDAY_9, UNTIL, noAddress.hooks)).toMatchObject({ kind: 'dropout' });
    expect(noAddress.log).toEqual(['arrive kapot +0h', 'email kapot +0h undeliverable']);
  });

  it('splits on the status the webhook hook answers, and on the walk’s assumed status without one', async () => {
    const source = `flow "Haak" {
      crm: call webhook POST "https://crm.example.nl/x"
      split "Antwoord" {
        branch "Gelukt" when webhook.crm.status < 300 {
          gelukt: add to selection "Gelukt"
        }
        others {
          mislukt: add to selection "Mislukt"
        }
      }
    }`;
    const answered = recording({ webhook: () => 503 });
    await walker(source).walk('1', facts(), MONDAY_9, UNTIL, answered.hooks);
    expect(answered.log).toContain('membership mislukt');
    const assumed = recording();
    await walker(source, 200).walk('1', facts(), MONDAY_9, UNTIL, assumed.hooks);
    expect(assumed.log).toContain('membership gelukt');
  });

  it('applies what a script and a distribution return to the person, meeting a success criterion', async () => {
    const { hooks, log } = recording({ script: () => ({ category: 'Klant' }), distribute: () => '42' });
    const result = await walker(`flow "Script" {
      success when person.category changed to "Klant" then stop
      verdeel: distribute to owner among "a@example.nl"
      code: run script """return { category: 'Klant' };"""
      nooit: send email "Nooit"
    }`).walk('1', facts(), MONDAY_9, UNTIL, hooks);
    expect(log).toEqual(['arrive verdeel +0h', 'update verdeel {"our_contact_id":{"from":null,"to":"42"}}', 'arrive code +0h', 'update code {"category":{"from":"Lead","to":"Klant"}}']);
    expect(result).toEqual({ kind: 'success', at: MONDAY_9 });
  });

  it('tells the way-out actions of a wait that times out, only within the period', async () => {
    const source = `flow "Wachten" {
      wacht: wait for email opened at most 3 days else leave {
        add to selection "Stil"
      }
    }`;
    const within = recording();
    expect(await walker(source).walk('1', facts(), MONDAY_9, UNTIL, within.hooks)).toMatchObject({ kind: 'dropout' });
    expect(within.log).toEqual(['arrive wacht +0h', 'leaving wacht add_to_selection']);
    const after = recording();
    expect(await walker(source).walk('1', facts(), MONDAY_9, new Date(MONDAY_9.getTime() + DAY), after.hooks)).toEqual({ kind: 'active' });
    expect(after.log).toEqual(['arrive wacht +0h']);
  });

  it('stops a walk at the step cap', async () => {
    const { hooks, log } = recording();
    const steps = Array.from({ length: MAX_STEPS_PER_PERSON + 5 }, (_, i) => `  update person {\n    set category = "Stap ${i}"\n  }\n`).join('');
    const result = await walker(`flow "Lang" {\n${steps}}`).walk('1', facts(), MONDAY_9, UNTIL, hooks);
    expect(result).toEqual({ kind: 'capped', at: MONDAY_9 });
    expect(log.filter((line) => line.startsWith('arrive'))).toHaveLength(MAX_STEPS_PER_PERSON);
  });

  it('waits for a send window before an SMS step looks at the number, as the engine does', async () => {
    const nextDay = new Date(MONDAY_9.getTime() + DAY);
    const flow = walker(`flow "Venster" {
      tekst: send sms "Hoi"
      daarna: update person {
        set category = "Verder"
      }
    }`, 200, { opening: (node) => (node.kind === 'send_sms' ? nextDay : undefined) });
    const { hooks, log } = recording();
    await flow.walk('1', facts({ mobile: null }), MONDAY_9, UNTIL, hooks);
    expect(log).toEqual(['arrive tekst +0h', 'arrive daarna +24h', 'update daarna {"category":{"from":"Lead","to":"Verder"}}']);
  });

  it('drops out a person who unsubscribed, before the next step', async () => {
    const { hooks, log } = recording({ script: () => ({ unsubscribed: true }) });
    const result = await walker(`flow "Af" {
      code: run script """return { unsubscribed: true };"""
      nooit: send email "Nooit"
    }`).walk('1', facts(), MONDAY_9, UNTIL, hooks);
    expect(result).toEqual({ kind: 'dropout', at: MONDAY_9 });
    expect(log).toEqual(['arrive code +0h', 'update code {"unsubscribed":{"from":null,"to":true}}']);
  });

  it('sends everyone to a random split\'s picked winner', async () => {
    const source = `flow "Test" {
      split random "AB" {
        branch "A" 50% {
          a: add to selection "A"
        }
        branch "B" 50% {
          b: add to selection "B"
        }
      }
    }`;
    for (const person of ['1', '2', '3', '4', '5', '6']) {
      const { hooks, log } = recording();
      await walker(source, 200, { winners: { [compileFlow(parse(source).ast.declarations[0] as FlowAst).start!]: 'B' } }).walk(person, facts(), MONDAY_9, UNTIL, hooks);
      expect(log).toContain('membership b');
    }
  });

  it('takes the facts the updated hook answers after a change (a new our contact)', async () => {
    const seen: unknown[] = [];
    const { hooks } = recording({
      distribute: () => '42',
      updated: () => ({ our_contact: { id: '42', name: 'Nieuwe collega', email: 'nieuw@example.nl' } }),
      message: (_node, _channel, _at, current) => (seen.push((current.our_contact as { name: string }).name), true),
    });
    await walker(`flow "Verdeel" {
      verdeel: distribute to owner among "a@example.nl"
      melding: notify email to our_contact subject "Nieuwe lead" "Bel"
    }`).walk('1', { ...facts(), our_contact: { id: '9', name: 'Oud', email: 'oud@example.nl' } }, MONDAY_9, UNTIL, hooks);
    expect(seen).toEqual(['Nieuwe collega']);
  });
});
