import type { FlowGraph } from '@stroom/dsl';

const DAY_MS = 86_400_000;

/**
 * Re-entry between `once per person` and "always": with `restart after <n> days` a person may
 * enter again once their previous participation ended that many days ago; a participation that
 * ended (its last update) after the returned moment refuses them as `restart_too_soon`. Null: no
 * such rule (live participations and `once per person` are refused on their own).
 */
export function restartCutoff(graph: Pick<FlowGraph, 'restartAfterDays'>, now: Date): Date | null {
  return graph.restartAfterDays === undefined ? null : new Date(now.getTime() - graph.restartAfterDays * DAY_MS);
}
