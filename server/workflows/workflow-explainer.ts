import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { compileCondition, conditionHolds, parse, resolvePath, stripLocations, type Condition, type Value, type Workflow as WorkflowAst } from '@stroom/dsl';
import { NotFoundError } from '../common/errors.js';
import { pendingJobs } from '../scheduling/job-scheduler.js';
import { RecordFacts } from '../facts/record-facts.js';
import { pendingKey } from './core/workflow-decisions.js';
import type { ExplainBody } from './workflow-input.js';
import { WorkflowsService } from './workflows.service.js';

/**
 * A condition as data, for a UI that words it in its own language: a leaf of the rule's `when`
 * (without positions; `inverted` when it stands under a `not`), or the trigger's target state.
 */
type ConditionTest = (Exclude<Condition, { kind: 'and' | 'or' | 'not' }> & { inverted?: boolean }) | { kind: 'trigger'; field: string; to: Value };

interface ConditionReport {
  condition: string;
  field?: string;
  value?: unknown;
  holds: boolean;
  test: ConditionTest;
}

function describe(condition: Condition): string {
  switch (condition.kind) {
    case 'and': return condition.operands.map(describe).join(' and ');
    case 'or': return condition.operands.map(describe).join(' or ');
    case 'not': return `not (${describe(condition.operand)})`;
    case 'compare': return `${condition.field} ${condition.operator} ${JSON.stringify(condition.value)}`;
    case 'in': return `${condition.field} in ${JSON.stringify(condition.values)}`;
    case 'contains': return `${condition.field} contains ${JSON.stringify(condition.value)}`;
    case 'empty': return `${condition.field} is ${condition.negated ? 'not ' : ''}empty`;
    case 'changed': return `${condition.field} changed`;
  }
}

function leaves(condition: Condition, inverted = false): { leaf: Condition; inverted: boolean }[] {
  if (condition.kind === 'and' || condition.kind === 'or') return condition.operands.flatMap((operand) => leaves(operand, inverted));
  if (condition.kind === 'not') return leaves(condition.operand, !inverted);
  return [{ leaf: condition, inverted }];
}

/**
 * Answers "why did (or didn't) this e-mail go out": whether the rule's trigger state and
 * conditions hold for the record now, each condition with its fact value, and what is pending.
 */
@Injectable()
export class WorkflowExplainer {
  constructor(
    private readonly em: EntityManager,
    private readonly workflows: WorkflowsService,
    private readonly facts: RecordFacts,
  ) {}

  async explain(workflowId: string, { entity, id }: ExplainBody) {
    const em = this.em.fork();
    const workflow = await this.workflows.find(em, workflowId);
    const ast = parse(workflow.source).ast.declarations[0] as WorkflowAst;
    const facts = await this.facts.load(em, entity, id);
    if (!facts[entity]) throw new NotFoundError(`No ${entity.replace(/_/g, ' ')} with id ${id}`, { code: 'record.not_found', params: { entity, id } });
    const conditions: ConditionReport[] = [];
    const trigger = ast.trigger;
    if (trigger.kind === 'field_changed' && trigger.to !== undefined) {
      const value = resolvePath(facts, `${trigger.entity}.${trigger.field}`);
      conditions.push({
        condition: `${trigger.entity}.${trigger.field} = ${JSON.stringify(trigger.to)} (the state the trigger changes to)`, field: `${trigger.entity}.${trigger.field}`, value, holds: value === trigger.to,
        test: { kind: 'trigger', field: `${trigger.entity}.${trigger.field}`, to: trigger.to },
      });
    }
    if (ast.when) {
      for (const { leaf, inverted } of leaves(ast.when.condition)) {
        const field = 'field' in leaf ? leaf.field : undefined;
        const test = { ...stripLocations(leaf), ...(inverted ? { inverted } : {}) } as ConditionTest;
        const holds = (await conditionHolds(compileCondition(leaf), facts)) !== inverted;
        conditions.push({ condition: inverted ? `not (${describe(leaf)})` : describe(leaf), ...(field ? { field, value: resolvePath(facts, field) ?? null } : {}), holds, test });
      }
    }
    const whenHolds = ast.when ? await conditionHolds(compileCondition(ast.when.condition), facts) : true;
    const matches = workflow.active && whenHolds && conditions.filter((c) => c.test.kind === 'trigger').every((c) => c.holds);
    const pending = await pendingJobs(em, pendingKey(String(workflow.id), entity, id));
    return {
      workflow: { id: String(workflow.id), name: workflow.name, active: workflow.active },
      record: { entity, id },
      matches,
      conditions,
      pending: pending.map((job) => ({ jobId: job.id, dueAt: job.dueAt.toISOString(), action: job.payload.action, reminder: job.payload.reminder, attempts: job.attempts })),
    };
  }
}
