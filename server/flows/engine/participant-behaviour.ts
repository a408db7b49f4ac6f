import type { StepRun } from './step-run.js';

/**
 * The participant's behaviour since enrolment, as the `participant` record of a split's conditions:
 * clicks and opens in the flow's e-mails to it, e-mails sent, forms submitted.
 */
export async function participantBehaviour(run: StepRun): Promise<Record<string, unknown>> {
  await run.flushMessages();
  await run.em.flush();
  const participantId = String(run.participant.id);
  const rows: { clicks: string; opens: string; emails: string; forms: string[] | null }[] = await run.em.getConnection().execute(
    `select
       (select count(*) from "change_event" where "entity" = 'link' and "kind" = 'clicked' and "data"->>'participant_id' = ?) as "clicks",
       (select count(*) from "tracking_token" where "participant_id" = ? and "kind" = 'open' and "used_at" is not null) as "opens",
       (select count(*) from "message" where "participant_id" = ? and "channel" = 'email') as "emails",
       (select array_agg(distinct "data"->>'form_key') from "change_event"
         where "entity" = 'form' and "kind" = 'submitted' and "data"->>'person_id' = ? and "at" >= ?) as "forms"`,
    [participantId, participantId, participantId, run.personId, run.participant.enrolledAt], 'all', run.em.getTransactionContext());
  const row = rows[0]!;
  const clicks = Number(row.clicks);
  const opens = Number(row.opens);
  return { clicked: clicks > 0, opened: opens > 0 || clicks > 0, clicks, opens, emails: Number(row.emails), forms: row.forms ?? [] };
}
