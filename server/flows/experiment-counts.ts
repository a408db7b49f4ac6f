import type { EntityManager } from '@mikro-orm/core';
import type { BranchCounts } from './core/experiments.js';

/**
 * Per branch of one random split of a flow: its participants, those who succeeded, and the unique
 * participants who opened (or clicked, which proves an open) and clicked one of the flow's e-mails.
 */
export async function experimentCounts(em: EntityManager, flowId: string, stepId: string, withBehaviour: boolean): Promise<BranchCounts[]> {
  const connection = em.getConnection();
  const rows: { branch: string; n: string; s: string }[] = await connection.execute(
    `select p."experiments"->>?::text as "branch", count(*) as "n", count(*) filter (where p."status" = 'completed_success' or p."success_at" is not null) as "s"
       from "participant" p where p."flow_id" = ? and (p."experiments"->>?::text) is not null group by 1 order by 1`,
    [stepId, flowId, stepId], 'all', em.getTransactionContext());
  const behaviour = new Map<string, { opens: number; clicks: number }>();
  if (withBehaviour) {
    const seen: { branch: string; opens: string; clicks: string }[] = await connection.execute(
      `select p."experiments"->>?::text as "branch",
              count(distinct p."id") filter (where (e."entity" = 'email' and e."kind" = 'opened') or (e."entity" = 'link' and e."kind" = 'clicked')) as "opens",
              count(distinct p."id") filter (where e."entity" = 'link' and e."kind" = 'clicked') as "clicks"
         from "participant" p join "change_event" e on e."data"->>'participant_id' = p."id"::text
        where p."flow_id" = ? and (p."experiments"->>?::text) is not null and e."data"->>'flow_id' = ? group by 1`,
      [stepId, flowId, stepId, flowId], 'all', em.getTransactionContext());
    for (const row of seen) behaviour.set(row.branch, { opens: Number(row.opens), clicks: Number(row.clicks) });
  }
  return rows.map((row) => ({
    name: row.branch, participants: Number(row.n), successes: Number(row.s),
    uniqueOpens: behaviour.get(row.branch)?.opens ?? 0, uniqueClicks: behaviour.get(row.branch)?.clicks ?? 0,
  }));
}

/** The winners the flow's random splits picked already (when, and why), per step. */
export async function pickedWinners(em: EntityManager, flowId: string): Promise<{ step_id: string; branch: string; at: Date | string; reason: string }[]> {
  return em.getConnection().execute(`select "step_id", "branch", "at", "reason" from "experiment_winner" where "flow_id" = ?`, [flowId]);
}
