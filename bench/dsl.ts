/**
 * DSL throughput: the full pipeline (parse → check against a catalog that knows every name →
 * compile to json-rules-engine rules / a step graph) over a generated corpus of 2,000 workflows and
 * 200 flows in the forms of dsl/fixtures, beside the same Chevrotain lexer + parser building only
 * its CST (no AST, no checks, no compile) on the same texts, in one run (the baseline in a worker
 * thread, the two interleaved). Each rule is its own text,
 * as the server stores it. Prints MB/s, rules/s and the ratio (median of several rounds, after a warm-up;
 * each timed pass follows an untimed one, on both sides).
 *   npx tsc -p tsconfig.bench.json && node .tmp/bench/bench/dsl.js [--rounds 7] [--workflows 2000] [--flows 200]
 * It imports dsl/src directly (compiled beside it into .tmp/bench), so it measures the sources as
 * they are, without a build of dsl/dist.
 */
import {
  check, compileFlow, compileWorkflow, hasErrors, InMemoryCatalog, parse, type TemplateInfo,
} from '../dsl/src/index.js';
import { Worker } from 'node:worker_threads';
import type { BareSubset } from './support/dsl-bare-worker.js';
import { reportResult } from './support/report.js';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) || fallback : fallback;
};
const WORKFLOWS = arg('--workflows', 2_000);
const FLOWS = arg('--flows', 200);
const ROUNDS = arg('--rounds', 7);

// ---- a deterministic corpus ------------------------------------------------------------------

let seed = 20261123;
function random(): number {
  // mulberry32: the same corpus on every run.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number): boolean => random() < p;

const QUOTE_STATUSES = [
  'Offertezoek - Offerte nog niet aangevraagd', 'Offertezoek - Offerte aangevraagd', 'Offertezoek - Offerte aanvraag in behandeling',
  'Offertezoek - In overweging bij bewoner', 'Offertezoek - Bewoner is akkoord', 'Offertezoek - Bewoner heeft afgewezen',
  'Offertezoek - Offerte niet mogelijk', 'Offertezoek - Geen reactie ontvangen', 'Offertezoek - Uitgevoerd',
  'Bezoek - Geen afspraak gemaakt', 'Bezoek - Afspraak gemaakt', 'Bezoek - Afspraak uitgevoerd', 'Bezoek - Afspraak afgezegd',
  'Budgetaanvraag - Budgetaanvraag open',
];
const OPPORTUNITY_STATUSES = ['Nieuw', 'In behandeling', 'Offerte verstuurd', 'Gewonnen', 'Verloren'];
const INTAKE_STATUSES = ['Aangemeld', 'Intake gepland', 'Intake uitgevoerd', 'Maatregel uitgevoerd', 'Afgewezen'];
const TASK_TYPES = ['Bellen', 'Mailen', 'Bezoek', 'Offerte maken', 'Terugbellen', 'Intake'];
const CATEGORIES = ['Prospect', 'Lead', 'Klant', 'Oud-klant', 'Partner', 'Leverancier', 'Huurder', 'Eigenaar'];
const INTERESTS = ['Zonnepanelen', 'Isolatie', 'Warmtepomp', 'Laadpaal', 'Groen dak', 'Subsidie'];
const WORDS = ['Welkom', 'Herinnering', 'Nieuwsbrief', 'Offerte', 'Afspraak', 'Subsidie', 'Energiescan', 'Zomeractie', 'Bedankt', 'Uitnodiging'];
const EMPLOYEES = Array.from({ length: 40 }, (_, i) => `adviseur${i}@energieloket.example`);
const SELECTIONS = Array.from({ length: 60 }, (_, i) => `${pick(WORDS)} ${pick(CATEGORIES)} ${i}`);
const PROJECTS = Array.from({ length: 30 }, (_, i) => `Project ${pick(INTERESTS)} ${i}`);
const FORMS = Array.from({ length: 40 }, (_, i) => `formulier-${i}`);
const GROUPS = ['Adviseurs', 'Binnendienst', 'Buitendienst', 'Verkoop'];
const FLOW_NAMES = Array.from({ length: FLOWS }, (_, i) => `${pick(WORDS)} ${pick(CATEGORIES).toLowerCase()} ${i}`);
const MAIL = Array.from({ length: 150 }, (_, i) => `mail-${i}`); // person, company, unsubscribe_url
const COMPANY_MAIL = Array.from({ length: 20 }, (_, i) => `bedrijf-${i}`); // company only
const TASK_MAIL = Array.from({ length: 20 }, (_, i) => `taak-${i}`); // task, responsible
const SMS = Array.from({ length: 30 }, (_, i) => `sms-${i}`);

const templates: TemplateInfo[] = [
  ...MAIL.map((key) => ({ key, channel: 'email' as const, variables: ['person.first_name', 'company.name', 'unsubscribe_url'] })),
  ...COMPANY_MAIL.map((key) => ({ key, channel: 'email' as const, variables: ['company.name', 'our_contact.name'] })),
  ...TASK_MAIL.map((key) => ({ key, channel: 'email' as const, variables: ['task.title', 'task.due_at', 'responsible.name'] })),
  ...SMS.map((key) => ({ key, channel: 'sms' as const, variables: ['person.first_name'] })),
];
const catalog = new InMemoryCatalog({
  templates, selections: SELECTIONS, projects: PROJECTS, forms: FORMS, flows: FLOW_NAMES, taskTypes: TASK_TYPES,
  groups: GROUPS, employees: EMPLOYEES, files: INTERESTS.map((interest) => ({ name: `${interest.toLowerCase()}.pdf`, size: 120_000 })),
  statuses: { quote_request: QUOTE_STATUSES, opportunity: OPPORTUNITY_STATUSES, intake_measure: INTAKE_STATUSES },
});

const q = (text: string): string => JSON.stringify(text);
const duration = (units: readonly string[]): string => `${int(1, 14)} ${pick(units)}`;

/** A condition on the person and company, as in filters, splits and person workflows. */
function personCondition(depth = 0): string {
  const leaf = (): string => pick([
    () => `person.category = ${q(pick(CATEGORIES))}`,
    () => `person.category in [${[pick(CATEGORIES), pick(CATEGORIES), pick(CATEGORIES)].map(q).join(', ')}]`,
    () => `person.interests contains ${q(pick(INTERESTS))}`,
    () => `person.email is not empty`,
    () => `person.mobile is empty`,
    () => `person.unsubscribed = false`,
    () => `company.category != ${q(pick(CATEGORIES))}`,
    () => `person.extra.score >= ${int(0, 100)}`,
    () => `person.email contains "@${pick(['gmail.com', 'ziggo.nl', 'kpn.nl'])}"`,
  ])();
  if (depth >= 2 || chance(0.35)) return leaf();
  const parts = Array.from({ length: int(2, 3) }, () => personCondition(depth + 1));
  const joined = parts.join(pick([' and ', ' or ']));
  return chance(0.3) ? `${chance(0.3) ? 'not ' : ''}(${joined})` : joined;
}

function comment(indent: string): string {
  return chance(0.15) ? `${indent}# ${pick(WORDS).toLowerCase()} voor ${pick(CATEGORIES).toLowerCase()}\n` : '';
}

function workflowSource(i: number): string {
  const name = `${pick(WORDS)} ${pick(CATEGORIES).toLowerCase()} ${i}`;
  const inactive = chance(0.1) ? ' inactive' : '';
  let trigger: string;
  let when = '';
  let recipients: string[];
  let mail = MAIL;
  let sms = true;
  switch (i % 8) {
    case 0:
    case 1: {
      trigger = `on quote_request.status changed ${chance(0.2) ? `from ${q(pick(QUOTE_STATUSES))} ` : ''}to ${q(pick(QUOTE_STATUSES))}`;
      if (chance(0.5)) when = `quote_request.kind = ${q(pick(['Offertezoek', 'Bezoek', 'Budgetaanvraag']))}`;
      recipients = ['person', 'owner', 'our_contact', q(pick(EMPLOYEES))];
      break;
    }
    case 2:
      trigger = `on opportunity.status changed to ${q(pick(OPPORTUNITY_STATUSES))}`;
      recipients = ['person', 'owner', 'service_contact'];
      break;
    case 3:
      trigger = `on intake_measure.status changed to ${q(pick(INTAKE_STATUSES))}`;
      if (chance(0.4)) when = personCondition();
      recipients = ['person', 'owner'];
      break;
    case 4:
      trigger = pick(['on task expired', 'on task completed', 'on task created']);
      when = `task.type = ${q(pick(TASK_TYPES))}`;
      recipients = trigger === 'on task completed' ? ['contact'] : ['responsible'];
      mail = trigger === 'on task completed' ? MAIL : TASK_MAIL;
      sms = trigger === 'on task completed';
      break;
    case 5:
      trigger = pick(['on person created', 'on person updated', `on person.category changed to ${q(pick(CATEGORIES))}`]);
      when = chance(0.7) ? personCondition() : '';
      recipients = ['person', 'our_contact', 'service_contact'];
      break;
    case 6:
      trigger = pick(['on sale created', 'on sale updated', 'on sale.stage changed to "sold"']);
      when = `sale.amount ${pick(['>', '>=', '<'])} ${int(100, 20000)}${chance(0.5) ? ` and person.category = ${q(pick(CATEGORIES))}` : ''}`;
      recipients = ['owner', 'person'];
      break;
    default:
      trigger = pick(['on company created', 'on company updated', 'on company deleted']);
      recipients = ['our_contact', 'service_contact'];
      mail = COMPANY_MAIL;
      sms = false;
      break;
  }
  const statusTrigger = trigger.includes('changed');
  let body = comment('  ') + `  ${trigger}\n`;
  if (when) body += `  when ${when}\n`;
  const actions = chance(0.7) ? 1 : int(2, 4);
  for (let a = 0; a < actions; a++) {
    body += comment('  ');
    const delay = chance(0.7) ? `after ${duration(['minutes', 'hours', 'days', 'days', 'workdays', 'weeks'])} ` : '';
    if (sms && chance(0.15)) {
      body += chance(0.5)
        ? `  ${delay}send sms template ${q(pick(SMS))}\n`
        : `  ${delay}send sms "Beste {{ person.first_name }}, ${pick(WORDS).toLowerCase()} van het Energieloket"\n`;
    } else {
      body += `  ${delay}send email ${q(pick(mail))} to ${pick(recipients)}\n`;
    }
    if (statusTrigger && chance(0.5)) body += `  remind every ${int(1, 14)} days at most ${int(1, 5)} times\n`;
  }
  return `workflow ${q(name)}${inactive} {\n${body}}\n`;
}

interface FlowState {
  emailLabels: string[];
  label: number;
}

function leaveBlock(indent: string): string {
  if (chance(0.3)) return '';
  const items = Array.from({ length: int(1, 2) }, () =>
    chance(0.5) ? `move to flow ${q(pick(FLOW_NAMES))}` : `add to selection ${q(pick(SELECTIONS))}`);
  return ` {\n${items.map((item) => `${indent}  ${item}\n`).join('')}${indent}}`;
}

function step(state: FlowState, indent: string, depth: number): string {
  const labelled = chance(0.25);
  const label = labelled ? `stap${++state.label}: ` : '';
  const kinds: (() => string)[] = [
    () => {
      if (labelled) state.emailLabels.push(`stap${state.label}`);
      return `send email ${q(pick(MAIL))}${chance(0.6) ? ` subject "${pick(WORDS)} {{ person.first_name }}"` : ''}${chance(0.2) ? ` attach "${pick(INTERESTS).toLowerCase()}.pdf"` : ''}`;
    },
    () => {
      if (labelled) state.emailLabels.push(`stap${state.label}`);
      return `send email ${q(pick(MAIL))}`;
    },
    () => `send sms ${chance(0.5) ? `template ${q(pick(SMS))}` : `"Hallo {{ person.first_name }}, ${pick(WORDS).toLowerCase()}!"`}${chance(0.5) ? pick([' if no mobile skip', ` if no mobile leave${leaveBlock(indent)}`]) : ''}`,
    () => {
      const ops = Array.from({ length: int(1, 4) }, () => pick([
        `set category = ${q(pick(CATEGORIES))}`, `set extra.score = ${int(0, 100)}`, 'clear mobile',
        `add interests ${q(pick(INTERESTS))}`, `remove interests ${q(pick(INTERESTS))}`, `increase extra.bezoeken by ${int(1, 3)}`,
      ]));
      return `update person {\n${ops.map((op) => `${indent}  ${op}\n`).join('')}${indent}}`;
    },
    () => `${pick(['add to', 'remove from'])} ${chance(0.6) ? `selection ${q(pick(SELECTIONS))}` : `project ${q(pick(PROJECTS))}`}`,
    () => `create follow_up "Bel {{ person.full_name }}" type ${q(pick(['Telefoontje', 'Taak', 'Vergadering (extern)']))}${chance(0.3) ? ` project ${q(pick(PROJECTS))}` : ''} ${pick(['at first_available', `after ${duration(['days', 'workdays', 'weeks'])}`, 'on task_date'])} assign ${pick(['our_contact', 'service_contact', q(pick(EMPLOYEES))])}${chance(0.4) ? ` agenda "${pick(WORDS)} bespreken"` : ''}`,
    () => `create request "${pick(WORDS)}" type "Algemeen" status "Open"${chance(0.5) ? ' category "Advies"' : ''}${chance(0.5) ? ' priority "Hoog"' : ''} owner ${pick(['auto', 'unassigned', q(pick(EMPLOYEES))])}${chance(0.3) ? ' message "Graag terugbellen"' : ''}`,
    () => `create sale ${q(pick(INTERESTS))} type "Particulier" stage ${pick(['open', 'sold', 'lost'])}${chance(0.6) ? ` amount ${int(500, 15000)}` : ''}${chance(0.3) ? ` project ${q(pick(PROJECTS))}` : ''}${chance(0.4) ? ` date after ${duration(['days', 'workdays', 'weeks'])}` : ''}${chance(0.5) ? ' owner our_contact' : ''}`,
    () => chance(0.5)
      ? `distribute to owner among ${[pick(EMPLOYEES), pick(EMPLOYEES), pick(EMPLOYEES)].map(q).join(', ')} fallback ${q(pick(EMPLOYEES))}`
      : `distribute to owner group ${q(pick(GROUPS))}`,
    () => `run script """\n${indent}  const punten = person.extra.punten ?? 0;\n${indent}  log(\`punten: \${punten}\`);\n${indent}""" timeout ${int(100, 1000)} ms memory ${int(8, 64)} MB`,
    () => `notify email to ${pick(['our_contact', 'service_contact', '"team@energieloket.example"'])} template ${q(pick(MAIL))}`,
    () => `notify sms to ${pick(['our_contact', 'service_contact', '"+31612345678"'])} "Nieuwe lead: {{ person.full_name }}"`,
    () => `wait ${duration(['minutes', 'hours', 'days', 'workdays', 'weeks'])}`,
    () => `wait ${duration(['days', 'workdays'])}`,
    () => `wait until "2027-0${int(1, 9)}-1${int(0, 9)}T09:00"`,
    () => {
      const event = state.emailLabels.length > 0 && chance(0.6)
        ? `${pick(['link clicked in ', 'email opened '])}${pick(state.emailLabels)}`
        : chance(0.5) ? 'link clicked' : `form ${q(pick(FORMS))} submitted`;
      return `wait for ${event} at most ${int(1, 14)} days ${chance(0.5) ? 'else continue' : `else leave${leaveBlock(indent)}`}`;
    },
  ];
  if (depth < 2 && chance(0.08)) {
    const branches = Array.from({ length: int(1, 3) }, (_, b) =>
      `${indent}  branch "Tak ${b + 1}" when ${personCondition()} {\n${steps(state, `${indent}    `, depth + 1, int(1, 4))}${indent}  }\n`).join('');
    const others = pick([
      () => '',
      () => `${indent}  others continue\n`,
      () => `${indent}  others leave${leaveBlock(`${indent}  `)}\n`,
      () => `${indent}  others {\n${steps(state, `${indent}    `, depth + 1, int(1, 3))}${indent}  }\n`,
    ])();
    return `${label}split "Splitsing ${state.label}" {\n${branches}${others}${indent}}`;
  }
  return label + pick(kinds)();
}

function steps(state: FlowState, indent: string, depth: number, count: number): string {
  let text = '';
  for (let s = 0; s < count; s++) text += comment(indent) + indent + step(state, indent, depth) + '\n';
  return text;
}

function flowSource(i: number): string {
  const settings = [
    'sender "Energieloket <info@energieloket.example>"',
    'reply_to "info@energieloket.example"',
    'sms_sender "Loket"',
    ...(chance(0.5) ? [pick(['send_window workdays 08:00-20:00', 'send_window mon-sat 09:00-17:00'])] : []),
    ...(chance(0.5) ? ['timezone "Europe/Amsterdam"'] : []),
    ...Array.from({ length: int(1, 3) }, () => pick([
      'trigger manual', `trigger form ${q(pick(FORMS))} submitted`, `trigger selection ${q(pick(SELECTIONS))} added`,
      'trigger link clicked', `trigger when person.category changed to ${q(pick(CATEGORIES))}`,
    ])),
    ...(chance(0.8) ? [`filter ${personCondition()}`] : []),
    ...(chance(0.6) ? [`exclude selection ${q(pick(SELECTIONS))}`] : []),
    ...(chance(0.7) ? ['once per person'] : []),
    ...(chance(0.7) ? [`success when ${Array.from({ length: int(1, 3), }, () => pick([
      'sale created', 'follow_up created', 'request created', `form ${q(pick(FORMS))} submitted`, 'link clicked',
      `added to selection ${q(pick(SELECTIONS))}`, `added to project ${q(pick(PROJECTS))}`,
      `person.category changed to ${q(pick(CATEGORIES))}`,
    ])).join(' or ')}${pick(['', ' then stop', ' then continue'])}`] : []),
  ];
  const state: FlowState = { emailLabels: [], label: 0 };
  let body = settings.map((line) => comment('  ') + `  ${line}\n`).join('') + '\n';
  body += steps(state, '  ', 0, int(15, 45));
  body += chance(0.5) ? `  complete${chance(0.5) ? ` {\n    on success move to flow ${q(pick(FLOW_NAMES))}\n    on no_success move to flow ${q(pick(FLOW_NAMES))}\n  }` : ''}\n` : '';
  return `flow ${q(FLOW_NAMES[i]!)} {\n${body}}\n`;
}

// Flows spread evenly through the workflows, as a server would load them.
const corpus: string[] = [];
for (let w = 0, f = 0; w < WORKFLOWS || f < FLOWS;) {
  if (f < FLOWS && (w >= WORKFLOWS || f * WORKFLOWS <= w * FLOWS)) corpus.push(flowSource(f++));
  else corpus.push(workflowSource(w++));
}
const bytes = corpus.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

// ---- the two pipelines -----------------------------------------------------------------------

// The same grammar on a CstParser, in a worker thread (bench/support/dsl-bare-worker.ts).
const bareWorker = new Worker(new URL('./support/dsl-bare-worker.js', import.meta.url), { workerData: { corpus } });

/** One pass of the bare CST parse over a subset of the corpus, in the worker; answers seconds. */
function bareSeconds(subset: BareSubset): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    bareWorker.once('error', failed);
    bareWorker.once('message', (secondsTaken: number) => {
      bareWorker.off('error', failed);
      resolve(secondsTaken);
    });
    bareWorker.postMessage(subset);
  });
}

interface Timings { parse: number; check: number; compile: number }

/**
 * Runs the pipeline; returns the compiled units: one json-rules-engine rule per workflow and one
 * graph node per flow step. Only printed for information: "rules" (the figure and its target) stay
 * one per text, as the server stores them, so that a flow's steps do not inflate the rate.
 */
function pipeline(texts: readonly string[], timings?: Timings): number {
  let compiled = 0;
  for (const text of texts) {
    const t0 = timings ? performance.now() : 0;
    const { ast, diagnostics } = parse(text);
    const t1 = timings ? performance.now() : 0;
    if (hasErrors(diagnostics)) throw new Error(`parse: ${diagnostics[0]!.line}:${diagnostics[0]!.column} ${diagnostics[0]!.message}\n${text}`);
    const findings = check(ast, { catalog });
    const t2 = timings ? performance.now() : 0;
    if (findings.length > 0) throw new Error(`check: ${findings[0]!.line}:${findings[0]!.column} ${findings[0]!.message}\n${text}`);
    for (const declaration of ast.declarations) {
      if (declaration.kind === 'workflow') compiled += compileWorkflow(declaration).rule ? 1 : 0;
      else compiled += compileFlow(declaration).order.length;
    }
    if (timings) {
      const t3 = performance.now();
      timings.parse += t1 - t0;
      timings.check += t2 - t1;
      timings.compile += t3 - t2;
    }
  }
  return compiled;
}

/**
 * Seconds one pass takes, timed after an untimed pass: the first pass after the thread has waited
 * for the other one runs 5-15% slower (caches, the core it resumes on), which would measure the
 * switch rather than the pipeline. The bare worker times its passes the same way.
 */
function seconds(run: () => unknown): number {
  run();
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

// Warm up (and validate: every text parses, checks clean against the catalog and compiles).
for (let w = 0; w < 3; w++) {
  await bareSeconds('all');
  pipeline(corpus);
}
const bareTimes: number[] = [];
const pipelineTimes: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  // Interleaved (one at a time), so drift (CPU frequency, other load) touches both alike.
  bareTimes.push(await bareSeconds('all'));
  pipelineTimes.push(seconds(() => pipeline(corpus)));
}
// Per kind: a workflow is a few lines, a flow a few dozen steps.
const workflowTexts = corpus.filter((text) => text.startsWith('workflow'));
const flowTexts = corpus.filter((text) => text.startsWith('flow'));
const kindRate = async (texts: string[], subset: BareSubset): Promise<{ bare: number; pipeline: number }> => {
  const bare: number[] = [];
  const own: number[] = [];
  for (let r = 0; r < 3; r++) {
    bare.push(await bareSeconds(subset));
    own.push(seconds(() => pipeline(texts)));
  }
  return { bare: texts.length / median(bare), pipeline: texts.length / median(own) };
};
const workflowRates = await kindRate(workflowTexts, 'workflows');
const flowRates = await kindRate(flowTexts, 'flows');
await bareWorker.terminate();
const perKind = {
  bareWorkflows: workflowRates.bare, workflows: workflowRates.pipeline, bareFlows: flowRates.bare, flows: flowRates.pipeline,
};
const split: Timings = { parse: 0, check: 0, compile: 0 };
const units = pipeline(corpus, split);
const total = split.parse + split.check + split.compile;

const rules = corpus.length;
const mb = bytes / 1e6;
const bare = median(bareTimes);
const full = median(pipelineTimes);
const fmt = (n: number): string => Math.round(n).toLocaleString('en');
const rulesPerSecond = rules / full;
console.log(`corpus: ${fmt(rules)} rules (${fmt(rules - FLOWS)} workflows, ${fmt(FLOWS)} flows), ${mb.toFixed(1)} MB; median of ${ROUNDS} rounds`);
console.log('  a rule = one stored text: a workflow (compiled to one json-rules-engine rule) or a flow (compiled to one step graph)');
console.log(`bare Chevrotain lex + CST parse:  ${(mb / bare).toFixed(1)} MB/s, ${fmt(rules / bare)} rules/s`);
console.log(`Stroom parse+check+compile:       ${(mb / full).toFixed(1)} MB/s, ${fmt(rulesPerSecond)} rules/s`);
console.log(`  workflows only: ${fmt(perKind.workflows)} rules/s (bare ${fmt(perKind.bareWorkflows)}); flows only: ${fmt(perKind.flows)} rules/s (bare ${fmt(perKind.bareFlows)})`);
console.log(`  compiled units (1 per workflow rule, 1 per flow graph node; for information): ${fmt(units)}, ${fmt(units / full)} units/s`);
console.log(`  of which parse ${((100 * split.parse) / total).toFixed(0)}%, check ${((100 * split.check) / total).toFixed(0)}%, compile ${((100 * split.compile) / total).toFixed(0)}%`);
// On a shared machine other load only ever adds time: the fastest round shows what the code can do.
console.log(`  fastest of ${ROUNDS} rounds: Stroom ${fmt(rules / Math.min(...pipelineTimes))} rules/s, bare ${fmt(rules / Math.min(...bareTimes))} rules/s`);
const ratio = median(bareTimes.map((b, r) => b / pipelineTimes[r]!));
const fastest = rules / Math.min(...pipelineTimes);
const verdict = (rate: number) => (rate >= 20_000 ? 'met' : 'missed');
// The rate target is judged by the fastest round, as timeit does: interference on a shared machine
// only ever adds time, and slows the baseline's rounds as much (see the medians above).
console.log(`ratio: ${ratio.toFixed(2)}x (target >= 0.5x); >= 20,000 rules/s: ${verdict(fastest)} by the fastest round (${verdict(rulesPerSecond)} by the median)`);
reportResult({ key: 'dsl', figure: `DSL parse + check + compile, ${fmt(rules)} rules (median of ${ROUNDS} rounds) vs bare Chevrotain CST parse`, value: `${fmt(rulesPerSecond)} rules/s`, baseline: `${fmt(rules / bare)} rules/s`, ratio, target: '>= 0.5x and >= 20,000 rules/s by the median', met: ratio >= 0.5 && rulesPerSecond >= 20_000 });
