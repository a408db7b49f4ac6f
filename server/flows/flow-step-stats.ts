import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { findFlow } from './find-flow.js';

/** One step's figures on the flow's diagram. */
export interface StepFigures {
  stepId: string;
  /** Active participants standing on it now (waiting included). */
  now: number;
  /** Participants that entered it and are no longer on it (moved on, finished or left). */
  passed: number;
  /** Messages this step sent, and of those the unique opens and clicks (a click proves an open). */
  sent: number;
  opened: number;
  clicked: number;
}

type Row = { step: string; n: string };

/** Per step of a flow: who stands on it, who passed it, what its messages did (`GET /api/flows/:id/step-stats`). */
@Injectable()
export class FlowStepStats {
  constructor(private readonly em: EntityManager) {}

  async of(id: string): Promise<{ items: StepFigures[] }> {
    const em = this.em.fork();
    const flow = await findFlow(em, id);
    const flowId = String(flow.id);
    const connection = em.getConnection();
    const counts = async (sql: string): Promise<Map<string, number>> => {
      const rows: Row[] = await connection.execute(sql, [flowId]);
      return new Map(rows.filter((r) => r.step !== null).map((r) => [r.step, Number(r.n)]));
    };
    const now = await counts(`select "step_id" as "step", count(*) as "n" from "participant" where "flow_id" = ? and "status" = 'active' group by 1`);
    const reached = await counts(`select s.value as "step", count(*) as "n" from "participant" p, jsonb_array_elements_text(p."path") s where p."flow_id" = ? group by 1`);
    const sent = await counts(`select "step_id" as "step", count(*) as "n" from "message" where "flow_id" = ? and "status" = 'sent' group by 1`);
    const behaviour = (where: string) => counts(
      `select e."data"->>'step_id' as "step", count(distinct e."data"->>'message_key') as "n" from "change_event" e where e."data"->>'flow_id' = ? and ${where} group by 1`);
    const opened = await behaviour(`((e."entity" = 'email' and e."kind" = 'opened') or (e."entity" = 'link' and e."kind" = 'clicked'))`);
    const clicked = await behaviour(`e."entity" = 'link' and e."kind" = 'clicked'`);
    const steps = new Set([...reached.keys(), ...now.keys(), ...sent.keys()]);
    return {
      items: [...steps].map((stepId) => ({
        stepId,
        now: now.get(stepId) ?? 0,
        passed: Math.max(0, (reached.get(stepId) ?? 0) - (now.get(stepId) ?? 0)),
        sent: sent.get(stepId) ?? 0,
        opened: opened.get(stepId) ?? 0,
        clicked: clicked.get(stepId) ?? 0,
      })),
    };
  }
}
