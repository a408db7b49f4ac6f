import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { compileWorkflow, EnginePool, eventTriggerKeys, parse, triggerKeyString, type CompiledWorkflow, type Workflow as WorkflowAst } from '@stroom/dsl';
import { Workflow } from './workflow.entity.js';
import { ruleSetVersion } from './rule-set-versions.js';

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

interface TriggerGroup {
  rules: Map<string, InstalledRule>;
  engines: EnginePool;
}

/**
 * The active workflows, indexed by trigger (entity + event + field, and the value a `changed to`
 * trigger waits for), each group with its
 * json-rules-engines built once: an event only meets the rules that can fire on it. Rebuilt when
 * the rule-set version in the database moves, so every instance follows every change.
 */
@Injectable()
export class RuleIndex {
  private readonly logger = new Logger(RuleIndex.name);
  private version: string | undefined;
  private groups = new Map<string, TriggerGroup>();
  private byId = new Map<string, InstalledRule>();

  /** Rebuilds the index when the rule set changed since it was built. */
  async refresh(em: EntityManager): Promise<void> {
    const version = await ruleSetVersion(em, 'workflows');
    if (version === this.version) return;
    const workflows = await em.find(Workflow, { active: true }, { fields: ['id', 'source', 'active'] });
    this.build(workflows.flatMap((w) => {
      const declaration = parse(w.source).ast.declarations[0];
      if (declaration?.kind !== 'workflow') {
        this.logger.error(`Workflow ${w.id} no longer parses; it is left out of the index`);
        return [];
      }
      return [installRule(String(w.id), declaration as WorkflowAst)];
    }));
    this.version = version;
  }

  build(rules: InstalledRule[]): void {
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
    this.groups = new Map([...groups].map(([key, members]) => [key, { rules: members, engines: new EnginePool([...members.values()].map((r) => r.compiled.rule)) }]));
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
      for (const e of await group.engines.run(facts)) {
        const rule = group.rules.get(String(e.params?.workflow));
        if (rule) matched.set(rule.workflowId, rule);
      }
    }
    return [...matched.values()];
  }

  get(workflowId: string): InstalledRule | undefined {
    return this.byId.get(workflowId);
  }

  get size(): number {
    return this.byId.size;
  }
}
