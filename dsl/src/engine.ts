// json-rules-engine set up for compiled rules: our operators, a dotted-path resolver, and a
// deliberate choice about missing facts.
import { Engine, Operator, type EngineResult, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { plainFacts, syncCondition, type SyncCondition } from './sync-conditions.js';

/**
 * Record facts are plain objects in snake_case (`person`, `quote_request`, `our_contact`) and the
 * change event is the fact `event` (`{entity, id, kind, changes: {field: {from, to}}}`).
 * Paths are dotted (`first_name`, `extra.shoe_size`, `changes.status.to`), never JSONPath.
 */
export function resolvePath(value: object, path: string): unknown {
  let current: unknown = value;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Equality across the number/text divide, so a status or amount read from a form still matches. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return (typeof a === 'number' || typeof a === 'string') && (typeof b === 'number' || typeof b === 'string') && String(a) === String(b);
}

/** The value of the `changed` operator: which field, and optionally its old and new value. */
export interface ChangeTest {
  field: string;
  from?: unknown;
  to?: unknown;
}

type Changes = Record<string, { from?: unknown; to?: unknown } | undefined>;

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object' && !Array.isArray(value);

export const stroomOperators: Operator[] = [
  // Replaces the built-in `contains`, which only looks into arrays: ours also finds text in text.
  new Operator<string | unknown[], unknown>('contains',
    (fact, wanted) => (typeof fact === 'string' ? typeof wanted === 'string' && fact.includes(wanted) : fact.some((item) => sameValue(item, wanted))),
    (fact) => typeof fact === 'string' || Array.isArray(fact)),
  new Operator('isEmpty', (fact) => isEmptyValue(fact)),
  new Operator('isNotEmpty', (fact) => !isEmptyValue(fact)),
  new Operator<Changes, ChangeTest>('changed', (changes, test) => {
    const change = changes[test.field];
    if (!isObject(change)) return false;
    if ('from' in test && !sameValue(change.from ?? null, test.from)) return false;
    if ('to' in test && !sameValue(change.to ?? null, test.to)) return false;
    return true;
  }, isObject),
];

export function registerOperators(engine: Engine): Engine {
  for (const operator of stroomOperators) engine.addOperator(operator);
  return engine;
}

/**
 * An engine for compiled rules. `allowUndefinedFacts` is on on purpose: a rule about
 * `company.category` must simply not match a person without a company (the fact is then absent),
 * rather than fail the whole run; unknown record names are the checker's business.
 */
export function buildEngine(rules: readonly RuleProperties[] = []): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
  registerOperators(engine);
  for (const rule of rules) engine.addRule(structuredClone(rule));
  return engine;
}

/** Runs the rules on the facts and gives the events of the rules that matched. */
export async function evaluate(rules: readonly RuleProperties[] | Engine, facts: Record<string, unknown>): Promise<EngineResult['events']> {
  const engine = rules instanceof Engine ? rules : buildEngine(rules);
  const result = await engine.run(facts);
  return result.events;
}

/**
 * Engines for one set of rules, reused: building one (rule copies, operators) costs more than
 * running it. An engine serves one run at a time: json-rules-engine keeps the run status on the
 * engine, and a run that finishes marks a concurrent run on the same engine as stopped (it would
 * then match nothing), so concurrent runs each take their own.
 */
export class EnginePool {
  private readonly idle: Engine[] = [];
  /** Every rule's conditions read straight off the facts, when all of them can be (see syncCondition). */
  private readonly direct: { holds: SyncCondition; event: EngineResult['events'][number] }[] | undefined;

  constructor(private readonly rules: readonly RuleProperties[]) {
    const engine = buildEngine(rules);
    this.idle.push(engine);
    // In the engine's order: higher priority first, then as added.
    const ordered = rules.map((rule, i) => ({ rule, i })).sort((a, b) => (b.rule.priority ?? 1) - (a.rule.priority ?? 1) || a.i - b.i);
    const direct = ordered.map(({ rule }) => ({ holds: syncCondition(rule.conditions, engine, resolvePath), event: rule.event }));
    this.direct = direct.every((d) => d.holds) ? (direct as { holds: SyncCondition; event: EngineResult['events'][number] }[]) : undefined;
  }

  async run(facts: Record<string, unknown>): Promise<EngineResult['events']> {
    if (this.direct && plainFacts(facts)) return this.direct.filter((d) => d.holds(facts)).map((d) => structuredClone(d.event));
    const engine = this.idle.pop() ?? buildEngine(this.rules);
    try {
      return (await engine.run(facts)).events;
    } finally {
      this.idle.push(engine);
    }
  }
}

const conditionPools = new WeakMap<TopLevelCondition, EnginePool>();
const equalities = new WeakMap<TopLevelCondition, EqualityTest | null>();

/**
 * Whether one compiled condition holds for the facts. One equality (`person.category = "Lead"`, a
 * status a pending send waits for) is read off the facts as the engine would read it, without an
 * engine run (json-rules-engine copies the conditions and sets up its almanac on every run).
 */
export async function conditionHolds(condition: TopLevelCondition, facts: Record<string, unknown>): Promise<boolean> {
  let test = equalities.get(condition);
  if (test === undefined) equalities.set(condition, (test = equalityTest(condition) ?? null));
  if (test) return testedValue(test, facts) === test.value;
  let pool = conditionPools.get(condition);
  if (!pool) conditionPools.set(condition, (pool = new EnginePool([{ conditions: condition, event: { type: 'match' } }])));
  return (await pool.run(facts)).length > 0;
}

/**
 * A condition that is one equality of a fact's value with a constant (`quote_request.status =
 * "Offerte aangevraagd"`, what a `changed to` trigger's still-holds condition is): many of them
 * on the same value can be looked up by it, instead of running an engine per condition.
 */
export interface EqualityTest {
  fact: string;
  path: string;
  value: string | number | boolean;
}

/** The condition as an equality test, when it is exactly one (else undefined). */
export function equalityTest(condition: TopLevelCondition): EqualityTest | undefined {
  const parts = 'all' in condition ? condition.all : 'any' in condition ? condition.any : undefined;
  if (!parts || parts.length !== 1) return undefined;
  const only = parts[0] as Record<string, unknown>;
  const { fact, path, operator, value } = only;
  if (operator !== 'equal' || typeof fact !== 'string' || typeof path !== 'string' || 'params' in only) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  return { fact, path, value };
}

/**
 * The value an equality test compares with its constant, read as json-rules-engine reads it with
 * our path resolver and `allowUndefinedFacts`: an absent fact is undefined, a path into a value
 * that is not an object gives the value itself. The test holds when this `===` its value.
 */
export function testedValue(test: Pick<EqualityTest, 'fact' | 'path'>, facts: Record<string, unknown>): unknown {
  const fact = facts[test.fact];
  return test.path && fact !== null && typeof fact === 'object' ? resolvePath(fact, test.path) : fact;
}
