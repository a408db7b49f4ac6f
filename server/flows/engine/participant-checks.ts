import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { conditionHolds, type CompiledSuccessCriterion, type FlowGraph } from '@stroom/dsl';
import type { Facts } from '../../facts/record-facts.js';
import { LeaveActions } from './leave-actions.js';
import type { Ending, ParticipantState, StepRun } from './step-run.js';

const CREATED_TABLES: Record<'sale' | 'follow_up' | 'request', string> = { sale: 'sale', follow_up: 'follow_up', request: 'service_request' };
const MEMBER_TABLES: Record<'selection' | 'project', [string, string]> = { selection: ['selection_member', 'selection'], project: ['project_member', 'project'] };

/** How a participant leaves when the flow's `exit when` rule holds for the person. */
export const EXIT_ENDING: Ending = { status: 'dropout', reason: 'no longer matches' };

/**
 * Before each step the participant's situation is re-evaluated: on the exclusion list,
 * unsubscribed, successful since it was enrolled (also by a change whose event is not handled
 * yet), or matching the flow's exit rule.
 */
@Injectable()
export class ParticipantChecks {
  constructor(private readonly leave: LeaveActions) {}

  /**
   * Whether the flow's exit rule holds for the person's facts now; when it does, the exit's leave
   * actions are carried out (the caller ends the participation with `EXIT_ENDING`).
   */
  async exits(em: EntityManager, graph: FlowGraph, personId: string, facts: Facts, now: Date): Promise<boolean> {
    if (!graph.exit || !(await conditionHolds(graph.exit.condition, facts))) return false;
    await this.leave.perform(em, personId, graph.exit.actions, now);
    return true;
  }

  async verdict(run: Omit<StepRun, 'node' | 'entering' | 'messageKey'>): Promise<Ending | undefined> {
    const { em, participant, graph } = run;
    // The raw queries below must see what earlier steps of this transaction wrote.
    if (graph.exclusions.length > 0 || graph.success) await em.flush();
    const person = (await run.facts()).person as Record<string, unknown> | undefined;
    if (!person) return { status: 'dropout', reason: 'person deleted' };
    if (person.unsubscribed === true) return { status: 'dropout', reason: 'unsubscribed' };
    if (await this.excluded(em, graph, run.personId)) return { status: 'dropout', reason: 'excluded' };
    if (graph.success && !participant.successAt && (await this.succeededSince(em, participant, run.personId, graph.success.criteria))) {
      participant.successAt = run.now;
    }
    if (participant.successAt && graph.success?.then === 'stop') return { status: 'completed_success' };
    if (await this.exits(em, graph, run.personId, await run.facts(), run.now)) return EXIT_ENDING;
    return undefined;
  }

  async excluded(em: EntityManager, graph: FlowGraph, personId: string): Promise<boolean> {
    if (graph.exclusions.length === 0) return false;
    const rows: unknown[] = await em.getConnection().execute(
      `select 1 from "selection_member" m join "selection" s on s."id" = m."selection_id" where m."person_id" = ? and s."name" in (${graph.exclusions.map(() => '?').join(', ')}) limit 1`,
      [personId, ...graph.exclusions], 'all', em.getTransactionContext());
    return rows.length > 0;
  }

  /** The criteria a database row proves: a record created for the person, a membership added. */
  private async succeededSince(em: EntityManager, participant: ParticipantState, personId: string, criteria: CompiledSuccessCriterion[]): Promise<boolean> {
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    for (const criterion of criteria) {
      let rows: unknown[] = [];
      if (criterion.kind === 'record_created' && criterion.entity === 'sale') {
        // A sale at the person or at the person's company.
        rows = await connection.execute(
          `select 1 from "sale" s where s."created_at" >= ? and (s."person_id" = ? or s."company_id" = (select pe."company_id" from "person" pe where pe."id" = ?)) limit 1`,
          [participant.enrolledAt, personId, personId], 'all', tx);
      } else if (criterion.kind === 'record_created') {
        rows = await connection.execute(`select 1 from "${CREATED_TABLES[criterion.entity]}" where "person_id" = ? and "created_at" >= ? limit 1`, [personId, participant.enrolledAt], 'all', tx);
      } else if (criterion.kind === 'added_to') {
        const [members, lists] = MEMBER_TABLES[criterion.target];
        rows = await connection.execute(
          `select 1 from "${members}" m join "${lists}" l on l."id" = m."${criterion.target}_id" where m."person_id" = ? and l."name" = ? and m."added_at" >= ? limit 1`,
          [personId, criterion.name, participant.enrolledAt], 'all', tx);
      }
      if (rows.length > 0) return true;
    }
    return false;
  }
}
