// Compiled conditions read straight off plain facts, with the engine's own operators: what
// json-rules-engine answers for them, without its per-run almanac, promises and deep copies.
import type { Engine, NestedCondition, TopLevelCondition } from 'json-rules-engine';

type Facts = Record<string, unknown>;
export type SyncCondition = (facts: Facts) => boolean;

interface OperatorLike {
  evaluate(factValue: unknown, jsonValue: unknown): boolean;
}

/**
 * The condition as a function of the facts, or undefined where only the engine can answer it
 * (a condition reference, a value read from another fact, fact parameters, an unknown operator).
 * It reads a fact as the engine does with `allowUndefinedFacts` and our path resolver: an absent
 * fact is undefined, a path into a value that is not an object gives the value itself. Every part
 * of an `all` or `any` is evaluated, as the engine does when facts share one priority, so an
 * operator that throws still throws.
 */
export function syncCondition(condition: TopLevelCondition | NestedCondition, engine: Engine, resolve: (value: object, path: string) => unknown): SyncCondition | undefined {
  const operators = (engine as unknown as { operators: { get(name: string): OperatorLike | null } }).operators;
  const build = (node: TopLevelCondition | NestedCondition): SyncCondition | undefined => {
    const c = node as Record<string, unknown>;
    if ('condition' in c) return undefined;
    if (Array.isArray(c.all) || Array.isArray(c.any)) {
      const parts = ((c.all ?? c.any) as NestedCondition[]).map(build);
      if (parts.some((p) => !p)) return undefined;
      const every = parts as SyncCondition[];
      if (every.length === 0) return () => true;
      const wantAll = Array.isArray(c.all);
      return (facts) => {
        let held = 0;
        for (const part of every) if (part(facts)) held++;
        return wantAll ? held === every.length : held > 0;
      };
    }
    if (c.not !== undefined) {
      const inner = build(c.not as NestedCondition);
      return inner && ((facts) => !inner(facts));
    }
    const { fact, path, operator, value } = c;
    if (typeof fact !== 'string' || typeof operator !== 'string' || c.params !== undefined) return undefined;
    if (path !== undefined && typeof path !== 'string') return undefined;
    if (value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact')) return undefined;
    const op = operators.get(operator);
    if (!op) return undefined;
    // The engine compares with its own copy of the rule (plain objects, whatever the caller passed).
    const wanted = structuredClone(value);
    return (facts) => {
      // Own properties only: the engine keeps facts in a Map, where `constructor` is no fact.
      const factValue = Object.hasOwn(facts, fact) ? facts[fact] : undefined;
      const read = path && factValue !== null && typeof factValue === 'object' ? resolve(factValue, path) : factValue;
      return op.evaluate(read, wanted) === true;
    };
  };
  return build(condition);
}

/** Facts the engine would compute (a function is a dynamic fact): only the engine may read them. */
export function plainFacts(facts: Facts): boolean {
  for (const key in facts) if (typeof facts[key] === 'function') return false;
  return true;
}
