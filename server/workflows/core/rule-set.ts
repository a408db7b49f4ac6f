import { compileWorkflow, conditionHolds, EnginePool, equalityTest, eventTriggerKeys, testedValue, triggerKeyString, type CompiledWorkflow, type Workflow as WorkflowAst } from '@stroom/dsl';

export interface InstalledRule {
  workflowId: string;
  compiled: CompiledWorkflow;
  /** For `changed to "<value>"` triggers: the value, so the index can also key on it. */
  changedTo?: unknown;
}

/** An installed rule from a workflow's AST. */
export function installRule(workflowId: string, workflow: WorkflowAst): InstalledRule {
  const trigger = workflow.trigger;
  return {
    workflowId,
    compiled: compileWorkflow(workflow),
    ...(trigger.kind === 'field_changed' && trigger.to !== undefined ? { changedTo: trigger.to } : {}),
  };
}

const valueKey = (key: string, value: unknown) => `${key}=${JSON.stringify(value)}`;

/** Rules of one entity that share a still-holds condition (none: they always hold), evaluated once for all. */
interface HoldingGroup {
  condition?: NonNullable<CompiledWorkflow['stillHolds']>;
  workflowIds: string[];
}

/**
 * Rules of one entity whose still-holds condition is one equality on the same fact and path (a
 * `changed to` trigger's: `quote_request.status = "…"`), by the value they wait for: the value
 * the facts hold picks the rules that still hold, with no engine run per condition.
 */
interface HoldingIndex {
  fact: string;
  path: string;
  byValue: Map<unknown, string[]>;
}

interface Holding {
  indexes: HoldingIndex[];
  groups: HoldingGroup[];
}

interface TriggerGroup {
  rules: Map<string, InstalledRule>;
  /** The rules' order in the group: matches are answered in it. */
  order: Map<string, number>;
  engines: EnginePool;
}

/**
 * One engine rule per distinct condition among a group's rules, naming every workflow that has it:
 * workflows waiting for the same status with the same `when` are evaluated once (json-rules-engine
 * deep-copies a rule's conditions on every evaluation, most of a run's cost).
 */
function sharedConditions(members: Map<string, InstalledRule>): CompiledWorkflow['rule'][] {
  const byConditions = new Map<string, CompiledWorkflow['rule'] & { event: { params: { workflows: string[] } } }>();
  for (const [name, { compiled }] of members) {
    const key = JSON.stringify(compiled.rule.conditions);
    const shared = byConditions.get(key);
    if (shared) shared.event.params.workflows.push(name);
    else byConditions.set(key, { conditions: compiled.rule.conditions, event: { type: compiled.rule.event.type, params: { workflows: [name] } } });
  }
  return [...byConditions.values()];
}

/**
 * A set of installed workflows, indexed by trigger (entity + event + field, and the value a
 * `changed to` trigger waits for), each group with its json-rules-engines built once: an event
 * only meets the rules that can fire on it. Pure: rules in, matches out.
 */
export class RuleSet {
  private groups = new Map<string, TriggerGroup>();
  private byId = new Map<string, InstalledRule>();
  private holding = new Map<string, Holding>();

  constructor(rules: readonly InstalledRule[] = []) {
    this.build(rules);
  }

  private build(rules: readonly InstalledRule[]): void {
    const groups = new Map<string, Map<string, InstalledRule>>();
    this.byId = new Map(rules.map((r) => [r.workflowId, r]));
    for (const rule of rules) {
      if (!rule.compiled.active) continue;
      for (const key of rule.compiled.triggers) {
        const name = rule.changedTo === undefined ? triggerKeyString(key) : valueKey(triggerKeyString(key), rule.changedTo);
        if (!groups.has(name)) groups.set(name, new Map());
        groups.get(name)!.set(rule.compiled.name, rule);
      }
    }
    this.holding = holdingGroups(rules);
    this.groups = new Map([...groups].map(([key, members]) => [key, { rules: members, order: new Map([...members.keys()].map((name, i) => [name, i])), engines: new EnginePool(sharedConditions(members)) }]));
  }

  /** The rules whose conditions hold for these facts, among those an event of this shape can trigger. */
  async matching(event: { entity: string; kind: string; changes?: Record<string, unknown> }, facts: Record<string, unknown>): Promise<InstalledRule[]> {
    const matched = new Map<string, InstalledRule>();
    const keys = eventTriggerKeys(event).flatMap((key) => {
      const field = key.split(':')[2];
      const change = field ? (event.changes?.[field] as { to?: unknown } | undefined) : undefined;
      return change && change.to !== undefined && change.to !== null ? [key, valueKey(key, change.to)] : [key];
    });
    for (const key of keys) {
      const group = this.groups.get(key);
      if (!group) continue;
      const names = (await group.engines.run(facts)).flatMap((e) => (e.params?.workflows ?? []) as string[]);
      names.sort((a, b) => group.order.get(a)! - group.order.get(b)!);
      for (const name of names) {
        const rule = group.rules.get(name);
        if (rule) matched.set(rule.workflowId, rule);
      }
    }
    return [...matched.values()];
  }

  /**
   * The rules (workflow ids) whose pending sends for a record of `entity` it still qualifies for,
   * on these facts: each distinct condition is evaluated once, however many rules share it.
   */
  async stillHolding(entity: string, facts: Record<string, unknown>): Promise<string[]> {
    const holding: string[] = [];
    const { indexes, groups } = this.holding.get(entity) ?? { indexes: [], groups: [] };
    for (const { fact, path, byValue } of indexes) holding.push(...(byValue.get(testedValue({ fact, path }, facts)) ?? []));
    for (const group of groups) {
      if (!group.condition || (await conditionHolds(group.condition, facts))) holding.push(...group.workflowIds);
    }
    return holding;
  }

  get(workflowId: string): InstalledRule | undefined {
    return this.byId.get(workflowId);
  }

  get size(): number {
    return this.byId.size;
  }
}

function holdingGroups(rules: readonly InstalledRule[]): Map<string, Holding> {
  const byEntity = new Map<string, { indexes: Map<string, HoldingIndex>; groups: Map<string, HoldingGroup> }>();
  for (const rule of rules) {
    const condition = rule.compiled.stillHolds;
    const test = condition && equalityTest(condition);
    for (const entity of new Set(rule.compiled.triggers.map((t) => t.entity))) {
      if (!byEntity.has(entity)) byEntity.set(entity, { indexes: new Map(), groups: new Map() });
      const { indexes, groups } = byEntity.get(entity)!;
      if (test) {
        const key = JSON.stringify([test.fact, test.path]);
        if (!indexes.has(key)) indexes.set(key, { fact: test.fact, path: test.path, byValue: new Map() });
        const byValue = indexes.get(key)!.byValue;
        if (!byValue.has(test.value)) byValue.set(test.value, []);
        byValue.get(test.value)!.push(rule.workflowId);
        continue;
      }
      const key = condition ? JSON.stringify(condition) : '';
      if (!groups.has(key)) groups.set(key, { ...(condition ? { condition } : {}), workflowIds: [] });
      groups.get(key)!.workflowIds.push(rule.workflowId);
    }
  }
  return new Map([...byEntity].map(([entity, { indexes, groups }]) => [entity, { indexes: [...indexes.values()], groups: [...groups.values()] }]));
}
