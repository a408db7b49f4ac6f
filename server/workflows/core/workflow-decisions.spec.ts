import { describe, expect, it } from '@jest/globals';
import { parse, type Workflow as WorkflowAst } from '@stroom/dsl';
import fc from 'fast-check';
import { appCalendar } from '../../scheduling/calendar.js';
import { installRule, RuleSet } from './rule-set.js';
import { decideChange, decideDueSend, recipientAddress, sendKey, type SendOrder } from './workflow-decisions.js';

const calendar = appCalendar({ appTimezone: 'Europe/Amsterdam', holidays: [] });
const DAY = 86_400_000;
const T0 = new Date('2026-03-02T08:00:00Z');
const STATUSES = ['Nieuw', 'Offerte verstuurd', 'Gewonnen', 'Verloren'];

function rules(...sources: string[]): RuleSet {
  return new RuleSet(sources.map((source, i) => installRule(String(i + 1), parse(source).ast.declarations[0] as WorkflowAst)));
}

const facts = (status: string) => ({ opportunity: { id: '7', status }, person: { id: '3', email: 'an@example.nl', mobile: null } });
/** The facts of a change event: the record and the `event` fact that `changed to` reads. */
const eventFacts = (change: ReturnType<typeof statusChange>, status: string) => ({
  ...facts(status), event: { entity: change.entity, id: change.entityId, kind: change.kind, changes: change.changes },
});
const statusChange = (id: number, from: string | null, to: string, at: Date) => ({
  id: String(id), entity: 'opportunity', entityId: '7', kind: from === null ? 'created' : 'updated', at,
  changes: { status: { from, to } } as Record<string, unknown>,
});

describe('workflow decisions (table)', () => {
  const set = rules(
    `workflow "Verstuurd" {\n  on opportunity.status changed to "Offerte verstuurd"\n  send email "nu" to person\n  after 3 days send email "later" to person\n  remind every 2 days at most 2 times\n}\n`,
    `workflow "Gewonnen" {\n  on opportunity.status changed to "Gewonnen"\n  send email "gewonnen" to "verkoop@example.nl"\n}\n`,
  );

  it.each([
    ['created with a status no rule waits for: nothing, nothing to cancel', null, 'Nieuw', { now: [], later: [], cancel: undefined }],
    ['to "Offerte verstuurd": the first send now, the delayed one later; the record keeps only that rule\'s pending sends', 'Nieuw', 'Offerte verstuurd', { now: ['1:0'], later: ['1:1'], cancel: ['1'] }],
    ['to "Gewonnen": its send now; pending sends of "Verstuurd" are cancelled', 'Offerte verstuurd', 'Gewonnen', { now: ['2:0'], later: [], cancel: ['2'] }],
  ] as const)('%s', async (_, from, to, expected) => {
    const change = statusChange(1, from, to, T0);
    const decision = await decideChange(set, change, eventFacts(change, to), T0, calendar);
    expect({
      now: decision.now.map((s) => `${s.order.workflowId}:${s.order.action}`),
      later: decision.later.map((s) => `${s.order.workflowId}:${s.order.action}`),
      cancel: decision.cancelAllBut,
    }).toEqual({ ...expected, now: [...expected.now], later: [...expected.later], cancel: expected.cancel && [...expected.cancel] });
  });

  it('a delayed send is due after its delay; a reminder follows while reminders are left; a record that left the status gets none', async () => {
    const change = statusChange(1, 'Nieuw', 'Offerte verstuurd', T0);
    const decision = await decideChange(set, change, eventFacts(change, 'Offerte verstuurd'), T0, calendar);
    const later = decision.later[0]!;
    expect(later.due.toISOString()).toBe(new Date(T0.getTime() + 3 * DAY).toISOString());
    const first = await decideDueSend(later.rule, later.action, later.order, facts('Offerte verstuurd'), later.due, calendar);
    expect(first.send).toBe(true);
    expect(first.reminder!.order.reminder).toBe(1);
    expect(first.reminder!.due.toISOString()).toBe(new Date(later.due.getTime() + 2 * DAY).toISOString());
    const last = await decideDueSend(later.rule, later.action, { ...later.order, reminder: 2 }, facts('Offerte verstuurd'), later.due, calendar);
    expect(last).toEqual({ send: true });
    expect(await decideDueSend(later.rule, later.action, later.order, facts('Gewonnen'), later.due, calendar)).toEqual({ send: false });
  });

  it('keys a send by rule, event, action and reminder, and finds its address', () => {
    const order: SendOrder = { workflowId: '4', eventId: '99', entity: 'opportunity', entityId: '7', action: 1, reminder: 2 };
    expect(sendKey(order)).toBe('wf:4:ev:99:a1:r2');
    expect(recipientAddress({ kind: 'role', role: 'person' } as never, 'email', facts('Nieuw'))).toBe('an@example.nl');
    expect(recipientAddress({ kind: 'role', role: 'person' } as never, 'sms', facts('Nieuw'))).toBeNull();
    expect(recipientAddress({ kind: 'role', role: 'person' } as never, 'email', { contact: { email: 'c@example.nl' } })).toBe('c@example.nl');
  });
});

/** A pending send in the in-memory job table. */
interface Pending {
  order: SendOrder;
  due: number;
}

describe('workflow decisions (properties)', () => {
  it('for any sequence of status changes, the pending sends are exactly those whose rule still holds, and no send goes out twice', async () => {
    const set = rules(
      ...STATUSES.map((status, i) => `workflow "Naar ${status}" {
  on opportunity.status changed to "${status}"
  ${i % 2 === 0 ? '' : 'after 2 days '}send email "t${i}" to person
  after ${i + 1} days send email "u${i}" to person
  remind every 1 day at most ${i} times
}
`),
    );
    const steps = fc.array(fc.record({ to: fc.constantFrom(...STATUSES), hours: fc.integer({ min: 1, max: 24 * 6 }) }), { minLength: 1, maxLength: 12 });
    let sentInAll = 0;
    await fc.assert(fc.asyncProperty(steps, async (changes) => {
      let status: string | null = null;
      let now = T0.getTime();
      let pending: Pending[] = [];
      const sent = new Set<string>();
      const send = (order: SendOrder) => {
        const key = sendKey(order);
        expect(sent.has(key)).toBe(false);
        sent.add(key);
        sentInAll += 1;
      };
      /** The job runner: every pending send due by `until`, in order, as the engine runs them. */
      const runDue = async (until: number) => {
        for (;;) {
          pending.sort((a, b) => a.due - b.due);
          const next = pending[0];
          if (!next || next.due > until) return;
          pending = pending.slice(1);
          const rule = set.get(next.order.workflowId)!;
          const action = rule.compiled.actions[next.order.action]!;
          const decision = await decideDueSend(rule, action, next.order, facts(status!), new Date(next.due), calendar);
          if (decision.send) send(next.order);
          if (decision.reminder) pending.push({ order: decision.reminder.order, due: decision.reminder.due.getTime() });
        }
      };
      for (const [i, change] of changes.entries()) {
        now += change.hours * 3_600_000;
        await runDue(now);
        if (change.to === status) continue;
        const event = statusChange(i + 1, status, change.to, new Date(now));
        const decision = await decideChange(set, event, eventFacts(event, change.to), new Date(now), calendar);
        status = change.to;
        if (decision.cancelAllBut) pending = pending.filter((p) => decision.cancelAllBut!.includes(p.order.workflowId));
        for (const s of decision.now) {
          const due = await decideDueSend(s.rule, s.action, s.order, facts(status), new Date(now), calendar);
          if (due.send) send(s.order);
          if (due.reminder) pending.push({ order: due.reminder.order, due: due.reminder.due.getTime() });
        }
        pending.push(...decision.later.map((s) => ({ order: s.order, due: s.due.getTime() })));
        // Exactly the rules that still hold keep pending sends: here, the one for the current status.
        const holding = new Set(await set.stillHolding('opportunity', facts(status)));
        for (const p of pending) expect(holding.has(p.order.workflowId)).toBe(true);
        expect(holding).toEqual(new Set([String(STATUSES.indexOf(status) + 1)]));
      }
    }), { numRuns: 200 });
    expect(sentInAll).toBeGreaterThan(200);
  });
});
