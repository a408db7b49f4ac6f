import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { parse, type Workflow as WorkflowAst } from '@stroom/dsl';
import { installRule, RuleSet, type InstalledRule } from './core/rule-set.js';
import { Workflow } from './workflow.entity.js';
import { ruleSetVersion } from '../facts/rule-set-versions.js';

export { installRule, type InstalledRule };

/**
 * The active workflows as a rule set, rebuilt when the rule-set version in the database moves, so
 * every instance follows every change.
 */
@Injectable()
export class RuleIndex {
  private readonly logger = new Logger(RuleIndex.name);
  private version: string | undefined;
  private set = new RuleSet();

  /** Rebuilds the set when the rule set changed since it was built. */
  async refresh(em: EntityManager): Promise<void> {
    const version = await ruleSetVersion(em, 'workflows');
    if (version === this.version) return;
    const workflows = await em.find(Workflow, { active: true }, { fields: ['id', 'source', 'active'] });
    this.set = new RuleSet(workflows.flatMap((w) => {
      const declaration = parse(w.source).ast.declarations[0];
      if (declaration?.kind !== 'workflow') {
        this.logger.error(`Workflow ${w.id} no longer parses; it is left out of the index`);
        return [];
      }
      return [installRule(String(w.id), declaration as WorkflowAst)];
    }));
    this.version = version;
  }

  /** The rule set as of the last refresh. */
  get rules(): RuleSet {
    return this.set;
  }
}
