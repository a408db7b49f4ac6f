import { Injectable } from '@nestjs/common';
import { type CompleteAction, type FlowNode, type LeaveAction, type StepKind } from '@stroom/dsl';
import { conditionBranch } from '../core/step-decisions.js';
import { CrmSteps } from './crm-steps.js';
import { ExperimentSteps } from './experiment-steps.js';
import { LeaveActions } from './leave-actions.js';
import { MessageSteps } from './message-steps.js';
import { participantBehaviour } from './participant-behaviour.js';
import { ScriptSteps } from './script-steps.js';
import { end, next, type StepOutcome, type StepRun } from './step-run.js';
import { WaitSteps } from './wait-steps.js';
import { webhookFacts, WebhookSteps } from './webhook-steps.js';

type Handler = (run: StepRun) => Promise<StepOutcome> | StepOutcome;

const factsRead = new WeakMap<FlowNode, Set<string>>();

/** Whether a branch condition of the split reads the fact (`participant`, `webhook`, …), as a fact or as a compared value. */
function readsFact(node: FlowNode, fact: string): boolean {
  let facts = factsRead.get(node);
  if (!facts) {
    const found = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        const fact = (value as { fact?: unknown }).fact;
        if (typeof fact === 'string') found.add(fact);
        Object.values(value).forEach(walk);
      }
    };
    for (const branch of node.branches ?? []) walk(branch.condition);
    factsRead.set(node, (facts = found));
  }
  return facts.has(fact);
}

/** One handler per step kind: what the step does and where the participant goes next. */
@Injectable()
export class StepHandlers {
  private readonly handlers: Partial<Record<StepKind, Handler>>;

  constructor(
    messages: MessageSteps,
    waits: WaitSteps,
    crm: CrmSteps,
    scripts: ScriptSteps,
    private readonly leave: LeaveActions,
    private readonly experiments: ExperimentSteps,
    webhooks: WebhookSteps,
  ) {
    this.handlers = {
      update_person: (run) => crm.updatePerson(run),
      membership: (run) => crm.membership(run),
      create_follow_up: (run) => crm.createFollowUp(run),
      create_request: (run) => crm.createRequest(run),
      create_sale: (run) => crm.createSale(run),
      distribute: (run) => crm.distribute(run),
      run_script: (run) => scripts.order(run),
      call_webhook: (run) => webhooks.call(run),
      send_email: (run) => messages.sendEmail(run),
      send_sms: (run) => messages.sendSms(run, leave),
      notify_email: (run) => messages.notifyEmail(run),
      notify_sms: (run) => messages.notifySms(run),
      wait: (run) => waits.wait(run),
      wait_until: (run) => waits.waitUntil(run),
      wait_for: (run) => waits.waitFor(run, leave),
      split: (run) => this.split(run),
      leave: (run) => this.leaveFlow(run),
      complete: (run) => this.complete(run),
    };
  }

  async run(run: StepRun): Promise<StepOutcome> {
    const handler = this.handlers[run.node.kind];
    if (!handler) throw new Error(`step ${run.node.id}: ${run.node.kind.replace(/_/g, ' ')} steps do not run yet`);
    return handler(run);
  }

  /** The first branch whose condition holds on the person's data and behaviour now; otherwise "others". */
  private async split(run: StepRun): Promise<StepOutcome> {
    if (run.node.settings['random']) return this.experiments.assign(run);
    // The behaviour is counted in the database (after writing what the batch holds): only for a split that asks.
    const behaviour = readsFact(run.node, 'participant') ? { participant: await participantBehaviour(run) } : {};
    const facts = { ...(await run.facts()), ...behaviour, webhook: webhookFacts(run.participant.webhooks) };
    const branch = await conditionBranch(run.node, facts);
    if (branch.kind === 'next') return next(branch.next);
    await this.leave.perform(run.em, run.personId, branch.actions, run.now);
    return end('completed', 'left');
  }

  private async leaveFlow(run: StepRun): Promise<StepOutcome> {
    await this.leave.perform(run.em, run.personId, (run.node.settings.actions ?? []) as LeaveAction[], run.now);
    return end('completed', 'left');
  }

  private async complete(run: StepRun): Promise<StepOutcome> {
    const outcome = run.participant.successAt ? 'success' : 'no_success';
    for (const action of (run.node.settings.actions ?? []) as CompleteAction[]) {
      if (action.outcome === outcome) await this.leave.moveToFlow(run.em, run.personId, action.flow, run.now);
    }
    return end('completed');
  }
}
