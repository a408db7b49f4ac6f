import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { FlowGraphs } from './engine/flow-graphs.js';
import type { Flow } from './flow.entity.js';

type Counts = Record<string, number>;
type GroupRow = { key: string | null; n: string };

/** What one `send email` step's messages did; opens and clicks count each message once. */
export interface EmailStepFigures {
  stepId: string;
  sent: number;
  /** Sent and not reported back as bounced. */
  delivered: number;
  /** Refused by the mail server at send time, or reported bounced afterwards. */
  bounced: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  complained: number;
}

/** The message a bounce or complaint event names: `message` (our id), or a `messageId` that is our id. */
const EVENT_MESSAGE = `coalesce(e."data"->>'message', case when e."data"->>'messageId' ~ '^[0-9]{1,18}$' then e."data"->>'messageId' end)::bigint`;

/**
 * The flow statistics: enrolments, participants per status and step, refusals, success rate,
 * messages, figures per day (days in APP_TIMEZONE) and per e-mail step.
 */
@Injectable()
export class FlowStats {
  constructor(
    private readonly graphs: FlowGraphs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async of(em: EntityManager, flow: Pick<Flow, 'id' | 'version' | 'source'>) {
    const flowId = String(flow.id);
    const connection = em.getConnection();
    const grouped = async (sql: string): Promise<Counts> => {
      const rows: GroupRow[] = await connection.execute(sql, [flowId]);
      return Object.fromEntries(rows.filter((r) => r.key !== null).map((r) => [r.key as string, Number(r.n)]));
    };
    const byStatus = await grouped(`select "status" as "key", count(*) as "n" from "participant" where "flow_id" = ? group by "status"`);
    const bySteps = await grouped(`select "step_id" as "key", count(*) as "n" from "participant" where "flow_id" = ? and "status" = 'active' group by "step_id"`);
    const refused = await grouped(`select "reason" as "key", count(*) as "n" from "flow_refusal" where "flow_id" = ? group by "reason"`);
    const messages = await grouped(`select "status" as "key", count(*) as "n" from "message" where "flow_id" = ? group by "status"`);
    const enrolled = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
    return {
      enrolled,
      byStatus,
      refused,
      bySteps,
      successRate: enrolled === 0 ? 0 : (byStatus.completed_success ?? 0) / enrolled,
      messages,
      enrolmentsPerDay: await this.perDay(em, `select "enrolled_at" as "at" from "participant" where "flow_id" = ?`, flowId),
      messagesPerDay: await this.perDay(em, `select "sent_at" as "at" from "message" where "flow_id" = ? and "sent_at" is not null`, flowId),
      emailSteps: await this.emailSteps(em, flow),
    };
  }

  /** Counts per calendar day of the application's time zone (not UTC: an evening's enrolments stay on their day). */
  private async perDay(em: EntityManager, times: string, flowId: string): Promise<{ date: string; n: number }[]> {
    const rows: { date: string; n: string }[] = await em.getConnection().execute(
      `select to_char(t."at" at time zone ?, 'YYYY-MM-DD') as "date", count(*) as "n" from (${times}) t group by 1 order by 1`,
      [this.config.appTimezone, flowId]);
    return rows.map((r) => ({ date: r.date, n: Number(r.n) }));
  }

  /** Every `send email` step of the flow's current source, in order, with what its messages did. */
  private async emailSteps(em: EntityManager, flow: Pick<Flow, 'id' | 'version' | 'source'>): Promise<EmailStepFigures[]> {
    const graph = this.graphs.of(flow);
    const stepIds = graph.order.filter((id) => graph.nodes[id]!.kind === 'send_email');
    if (stepIds.length === 0) return [];
    const connection = em.getConnection();
    const flowId = String(flow.id);
    const perStep = async (sql: string, params: unknown[] = [flowId]): Promise<Map<string, number>> => {
      const rows: { step: string | null; n: string }[] = await connection.execute(sql, params);
      return new Map(rows.filter((r) => r.step !== null).map((r) => [r.step as string, Number(r.n)]));
    };
    const emails = `select "id", "step_id", "key", "status", "attempts" from "message" where "flow_id" = ? and "channel" = 'email'`;
    const sent = await perStep(`select "step_id" as "step", count(*) as "n" from (${emails}) m where m."status" = 'sent' group by 1`);
    const refused = await perStep(`select "step_id" as "step", count(*) as "n" from (${emails}) m where m."status" = 'failed' and m."attempts" > 0 group by 1`);
    const reported = (kind: string, status = '%') => perStep(
      `select m."step_id" as "step", count(distinct m."id") as "n" from (${emails}) m
        join "change_event" e on e."entity" = 'email' and e."kind" = ? and ${EVENT_MESSAGE} = m."id" where m."status" like ? group by 1`, [flowId, kind, status]);
    const bouncedAfter = await reported('bounced', 'sent');
    const complained = await reported('complained');
    const behaviour = (where: string) => perStep(
      `select e."data"->>'step_id' as "step", count(distinct e."data"->>'message_key') as "n" from "change_event" e
        where e."data"->>'flow_id' = ? and ${where} group by 1`);
    // A click proves the e-mail was opened, also when its images were not loaded.
    const opened = await behaviour(`((e."entity" = 'email' and e."kind" = 'opened') or (e."entity" = 'link' and e."kind" = 'clicked'))`);
    const clicked = await behaviour(`e."entity" = 'link' and e."kind" = 'clicked'`);
    const unsubscribed = await perStep(
      `select "step_id" as "step", count(*) as "n" from "tracking_token" where "flow_id" = ? and "kind" = 'unsubscribe' and "used_at" is not null group by 1`);
    return stepIds.map((stepId) => {
      const of = (counts: Map<string, number>) => counts.get(stepId) ?? 0;
      return {
        stepId,
        sent: of(sent),
        delivered: Math.max(0, of(sent) - of(bouncedAfter)),
        bounced: of(refused) + of(bouncedAfter),
        opened: of(opened),
        clicked: of(clicked),
        unsubscribed: of(unsubscribed),
        complained: of(complained),
      };
    });
  }
}
