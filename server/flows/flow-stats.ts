import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';

type Counts = Record<string, number>;
type GroupRow = { key: string | null; n: string };

/** The flow statistics: enrolments, participants per status and step, refusals, success rate, messages. */
@Injectable()
export class FlowStats {
  async of(em: EntityManager, flowId: string) {
    const connection = em.getConnection();
    const grouped = async (sql: string): Promise<Counts> => {
      const rows: GroupRow[] = await connection.execute(sql, [flowId]);
      return Object.fromEntries(rows.filter((r) => r.key !== null).map((r) => [r.key as string, Number(r.n)]));
    };
    const byStatus = await grouped(`select "status" as "key", count(*) as "n" from "participant" where "flow_id" = ? group by "status"`);
    const bySteps = await grouped(`select "step_id" as "key", count(*) as "n" from "participant" where "flow_id" = ? and "status" = 'active' group by "step_id"`);
    const refused = await grouped(`select "reason" as "key", count(*) as "n" from "flow_refusal" where "flow_id" = ? group by "reason"`);
    const messages = await grouped(`select "status" as "key", count(*) as "n" from "message" where "flow_id" = ? group by "status"`);
    const perDay: { date: string; n: string }[] = await connection.execute(
      `select to_char("enrolled_at" at time zone 'UTC', 'YYYY-MM-DD') as "date", count(*) as "n" from "participant" where "flow_id" = ? group by 1 order by 1`,
      [flowId]);
    const enrolled = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
    return {
      enrolled,
      byStatus,
      refused,
      bySteps,
      successRate: enrolled === 0 ? 0 : (byStatus.completed_success ?? 0) / enrolled,
      messages,
      enrolmentsPerDay: perDay.map((r) => ({ date: r.date, n: Number(r.n) })),
    };
  }
}
