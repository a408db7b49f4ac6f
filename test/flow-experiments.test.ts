import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { assignBranch, experimentBucket } from '../server/flows/core/experiments.js';
import { flowHelpers } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, mailsTo, person, runningFlow, enrol } = flowHelpers(context, smtp);

type Participant = { personId: string; status: string; reason: string | null; experiments: Record<string, string> };
const participants = async (flowId: string) => (await call('GET', `/api/flows/${flowId}/participants?limit=1000`)).body.items as Participant[];
const readout = async (flowId: string) => (await call('GET', `/api/flows/${flowId}/experiments`)).body;

beforeAll(async () => {
  for (const key of ['variant-a', 'variant-b']) {
    expect((await call('POST', '/api/templates', { key, name: key, channel: 'email', subject: key, body: `<p>${key}</p>` })).status).toBe(201);
  }
});

const people = async (prefix: string, n: number) => {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await person({ firstName: `${prefix}${i}`, email: `${prefix.toLowerCase()}${i}@example.nl`, category: 'Lead' }));
  return ids;
};

describe('an experiment: split random with a holdout', () => {
  it('gives each person the branch of their stable hash, records it, sends nothing to the holdout, and reads out the difference', async () => {
    const flowId = await runningFlow('Onderwerpproef', `  trigger manual
  success when person.category changed to "Klant"
  proef: split random "Onderwerp" {
    branch "A" 40% {
      send email "variant-a"
    }
    branch "B" 40% {
      send email "variant-b"
    }
    holdout 20%
  }
  wait 30 days
`);
    const ids = await people('Proef', 200);
    await enrol(flowId, ids);
    await advance('PT0S');
    const all = await participants(flowId);
    expect(all).toHaveLength(200);
    for (const p of all) {
      const expected = assignBranch({ shares: [{ branch: 'A', percent: 40 }, { branch: 'B', percent: 40 }], holdout: 20 }, experimentBucket(flowId, p.personId));
      expect(p.experiments).toEqual({ proef: expected });
      const mails = mailsTo(`proef${ids.indexOf(p.personId)}@example.nl`).map((m) => m.subject);
      if (expected === 'holdout') {
        expect(p).toMatchObject({ status: 'completed', reason: 'holdout' });
        expect(mails).toEqual([]);
      } else {
        expect(mails).toEqual([expected === 'A' ? 'variant-a' : 'variant-b']);
      }
    }
    const inBranch = (name: string) => all.filter((p) => p.experiments['proef'] === name).map((p) => p.personId);
    expect(inBranch('A').length).toBeGreaterThan(60);
    expect(inBranch('B').length).toBeGreaterThan(60);
    expect(inBranch('holdout').length).toBeGreaterThan(20);

    // Half of B's people become customers, a tenth of A's.
    const convert = async (personIds: string[], share: number) => {
      for (const id of personIds.slice(0, Math.round(personIds.length * share))) expect((await call('PATCH', `/api/persons/${id}`, { category: 'Klant' })).status).toBe(200);
    };
    await convert(inBranch('A'), 0.1);
    await convert(inBranch('B'), 0.5);
    await convert(inBranch('holdout'), 0.05);
    await advance('PT0S');
    const { items } = await readout(flowId);
    expect(items).toHaveLength(1);
    const [experiment] = items;
    expect(experiment).toMatchObject({ split: 'Onderwerp', stepId: 'proef', verdict: 'B beter dan holdout, 99% zeker' });
    const b = experiment.branches.find((x: { name: string }) => x.name === 'B');
    expect(b).toMatchObject({ participants: inBranch('B').length, uniqueOpens: 0, uniqueClicks: 0, versus: { branch: 'holdout' } });
    expect(b.successRate).toBeCloseTo(Math.round(inBranch('B').length * 0.5) / inBranch('B').length, 10);
    expect(b.versus.pValue).toBeLessThan(0.01);
    expect(b.versus.ciLow).toBeGreaterThan(0);
    expect(b.versus.ciHigh).toBeGreaterThan(b.versus.difference);
    expect(experiment.branches.map((x: { name: string }) => x.name)).toEqual(['A', 'B', 'holdout']);
    const holdout = experiment.branches.find((x: { name: string }) => x.name === 'holdout');
    expect(holdout.versus).toBeUndefined();
    // The holdout completed at once, and its later successes still count.
    expect(holdout.successRate).toBeCloseTo(Math.round(inBranch('holdout').length * 0.05) / inBranch('holdout').length, 10);
  }, 180_000);

  it('simulates a person into the branch their stable hash gives them, sending only that branch\'s e-mail, and the holdout nothing', async () => {
    const flowId = await runningFlow('Simulatieproef', `  trigger manual
  proef: split random "Onderwerp" {
    branch "A" 50% {
      send email "variant-a"
    }
    branch "B" 30% {
      send email "variant-b"
    }
    holdout 20%
  }
`);
    const ids = await people('Sim', 12);
    const seen = new Set<string>();
    for (const personId of ids) {
      const expected = assignBranch({ shares: [{ branch: 'A', percent: 50 }, { branch: 'B', percent: 30 }], holdout: 20 }, experimentBucket(flowId, personId));
      seen.add(expected);
      const simulated = (await call('POST', `/api/flows/${flowId}/simulate`, { personId, days: 1 })).body;
      expect(simulated.admitted).toBe(true);
      expect(simulated.messages.map((m: { subject: string }) => m.subject)).toEqual(expected === 'holdout' ? [] : [expected === 'A' ? 'variant-a' : 'variant-b']);
    }
    // Twelve people reach more than one branch: the simulation follows the hash, not a fixed branch.
    expect(seen.size).toBeGreaterThan(1);
    expect(await participants(flowId)).toEqual([]);
  });

  it('picks the winner once every branch has enough people, records when and why, and sends later people there', async () => {
    const flowId = await runningFlow('Winnaarproef', `  trigger manual
  success when person.category changed to "Klant"
  keuze: split random "Aanbod" {
    branch "A" 50% {
      send email "variant-a"
    }
    branch "B" 50% {
      send email "variant-b"
    }
    pick winner after 20 per branch at 95%
  }
  wait 30 days
`);
    const first = await people('Eerst', 80);
    await enrol(flowId, first);
    await advance('PT0S');
    const branchOf = new Map((await participants(flowId)).map((p) => [p.personId, p.experiments['keuze']]));
    for (const id of first.filter((id) => branchOf.get(id) === 'B')) await call('PATCH', `/api/persons/${id}`, { category: 'Klant' });
    await advance('PT0S');
    expect((await readout(flowId)).items[0].winner).toBeUndefined();

    const later = await people('Later', 30);
    await enrol(flowId, later);
    await advance('PT0S');
    const after = await participants(flowId);
    expect(later.map((id) => after.find((p) => p.personId === id)?.experiments['keuze'])).toEqual(later.map(() => 'B'));
    const { winner } = (await readout(flowId)).items[0];
    expect(winner).toEqual({ branch: 'B', at: expect.any(String), reason: expect.stringMatching(/^B 100\.0% success against A 0\.0%, p = 0\.0000, after at least 20 per branch at 95%$/) });
  }, 180_000);
});
