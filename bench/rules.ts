/**
 * Rules runtime: change events against 1,000 installed workflows. The indexed runtime (RuleSet:
 * only the rules an event's trigger can fire, one engine per trigger group) on 10,000 events (100,000 with --full),
 * beside one json-rules-engine run over all 1,000 rules per event on a sample of 500 events (2,000 with
 * --full), in one run.
 *   npm run bench:rules [-- --full] [-- --events 20000 --sample 1000]
 */
import 'reflect-metadata';
import { buildEngine, parse, type Workflow } from '@stroom/dsl';
import { installRule, RuleSet, type InstalledRule } from '../server/workflows/core/rule-set.js';
import { sizeOption } from './support/options.js';
import { reportResult } from './support/report.js';

const EVENTS = sizeOption('events', 10_000, 100_000);
/** The naive baseline runs every rule per event (about 60 events/s): a sample of 500 events, 2,000 with --full. */
const SAMPLE = sizeOption('sample', 500, 2_000);

const STATUSES = Array.from({ length: 40 }, (_, i) => `Status ${i}`);
const ENTITIES = ['quote_request', 'opportunity', 'intake_measure'] as const;

function workflowSource(i: number): string {
  const entity = ENTITIES[i % 3]!;
  const status = STATUSES[i % STATUSES.length]!;
  switch (i % 4) {
    case 0:
      return `workflow "W${i}" {\n  on ${entity}.status changed to "${status}"\n  after ${1 + (i % 5)} days send email "t${i}" to person\n  remind every 7 days at most 2 times\n}\n`;
    case 1:
      return `workflow "W${i}" {\n  on ${entity}.status changed to "${status}"\n  when person.category = "Klant" and person.email is not empty\n  send email "t${i}" to owner\n}\n`;
    case 2:
      return `workflow "W${i}" {\n  on task created\n  when task.type = "Type ${i % 25}"\n  send email "t${i}" to responsible\n}\n`;
    default:
      return `workflow "W${i}" {\n  on person.category changed to "Cat ${i % 30}"\n  send email "t${i}" to person\n}\n`;
  }
}

function event(n: number) {
  const entity = n % 4 === 3 ? 'person' : n % 4 === 2 ? 'task' : ENTITIES[n % 3]!;
  const field = entity === 'task' ? 'type' : entity === 'person' ? 'category' : 'status';
  const to = entity === 'task' ? `Type ${n % 25}` : entity === 'person' ? `Cat ${n % 30}` : STATUSES[n % STATUSES.length]!;
  const kind = entity === 'task' ? 'created' : 'updated';
  const record = { id: String(n), [field]: to, kind: 'Offertezoek' };
  return {
    event: { entity, id: String(n), kind, changes: { [field]: { from: null, to } } },
    facts: { [entity]: record, person: { id: '1', category: n % 2 ? 'Klant' : 'Lead', email: 'a@example.nl' } },
  };
}

const rules: InstalledRule[] = Array.from({ length: 1000 }, (_, i) => installRule(String(i), parse(workflowSource(i)).ast.declarations[0] as Workflow));

async function indexedRate(events: number): Promise<{ rate: number; matches: number }> {
  const index = new RuleSet(rules);
  let matches = 0;
  const started = performance.now();
  for (let n = 0; n < events; n++) {
    const { event: e, facts } = event(n);
    matches += (await index.matching(e, { ...facts, event: e })).length;
  }
  return { rate: events / ((performance.now() - started) / 1000), matches };
}

async function naiveRate(events: number): Promise<{ rate: number; matches: number }> {
  const engine = buildEngine(rules.map((r) => r.compiled.rule));
  let matches = 0;
  const started = performance.now();
  for (let n = 0; n < events; n++) {
    const { event: e, facts } = event(n);
    matches += (await engine.run({ ...facts, event: e })).events.length;
  }
  return { rate: events / ((performance.now() - started) / 1000), matches };
}

await indexedRate(2_000); // warm-up
const naive = await naiveRate(SAMPLE);
const indexed = await indexedRate(EVENTS);
const sample = await indexedRate(SAMPLE);
if (sample.matches !== naive.matches) throw new Error(`the index found ${sample.matches} matches where the naive run found ${naive.matches}`);
console.log(`installed workflows: ${rules.length}; matches agree on the ${SAMPLE.toLocaleString('en')}-event sample (${naive.matches})`);
console.log(`naive: every rule per event (${SAMPLE.toLocaleString('en')} events):`.padEnd(47) + `${Math.round(naive.rate).toLocaleString('en')} events/s`);
console.log(`indexed runtime (${EVENTS.toLocaleString('en')} events):`.padEnd(47) + `${Math.round(indexed.rate).toLocaleString('en')} events/s`);
console.log(`ratio: ${(indexed.rate / naive.rate).toFixed(1)}x (target >= 10x)`);
reportResult({ key: 'rules', figure: 'change events against 1,000 workflows: indexed runtime vs json-rules-engine over all rules', value: `${Math.round(indexed.rate).toLocaleString('en')} events/s`, baseline: `${Math.round(naive.rate).toLocaleString('en')} events/s`, ratio: indexed.rate / naive.rate, target: '>= 10x', met: indexed.rate / naive.rate >= 10 });
