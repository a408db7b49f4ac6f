import { Inject, Injectable } from '@nestjs/common';
import { sales } from '../crm/sales/sales.resource.js';
import { FormSubmissions } from '../forms/form-submissions.js';
import { recordServiceToken } from '../records/record-controller.js';
import type { BaseRecord } from '../records/base-record.js';
import type { RecordService } from '../records/record.service.js';
import { ClockAdvancer } from '../scheduling/clock-advancer.js';
import { TrackedVisits } from '../tracking/tracked-visits.js';
import type { DEMO_LEADS, LeadStory } from './demo-data.js';
import { DEMO_FORM } from './demo-flows.js';

const CLICKERS: readonly LeadStory[] = ['customer', 'clicks', 'reads', 'buys'];
const READERS: readonly LeadStory[] = ['reads', 'buys'];
const SILENT: readonly LeadStory[] = ['ignores', 'optedOut'];

/**
 * The lead flow's history, made by the real product: each lead sends the contact form (the flow's
 * trigger enrols it), then opens, clicks or unsubscribes through the tracked addresses of the
 * e-mails it actually got, and some buy; after each round the change events and due step jobs run
 * as they would in production, so every participation, message and figure is the engine's own.
 */
@Injectable()
export class DemoHistory {
  constructor(
    private readonly submissions: FormSubmissions,
    private readonly visits: TrackedVisits,
    private readonly work: ClockAdvancer,
    @Inject(recordServiceToken(sales)) private readonly sales: RecordService<BaseRecord>,
  ) {}

  /** Answers the leads' person ids by e-mail address. */
  async run(flowId: string, leads: typeof DEMO_LEADS, ownerId: string): Promise<Map<string, string>> {
    const people: { personId: string; story: LeadStory; question: string }[] = [];
    for (const lead of leads) {
      const { personId } = await this.submissions.submit(DEMO_FORM.key, { person: lead.person, answers: { vraag: lead.question } });
      people.push({ personId, story: lead.story, question: lead.question });
    }
    await this.work.settle();
    for (const { personId, story } of people) {
      if (SILENT.includes(story)) continue;
      await this.visit(personId, flowId, 'welkom', 'open');
      if (story === 'unsubscribes') await this.unsubscribe(personId, flowId);
      if (CLICKERS.includes(story)) await this.visit(personId, flowId, 'welkom', 'link');
    }
    await this.work.settle();
    for (const { personId, story } of people) if (READERS.includes(story)) await this.visit(personId, flowId, 'advies', 'open');
    await this.work.settle();
    let amount = 3800;
    for (const { personId, story, question } of people) {
      if (story !== 'buys') continue;
      await this.sales.create({ title: `Uitvoering: ${question}`, type: 'Particulier', stage: 'sold', amount: (amount += 1450), personId, ownerId });
    }
    await this.work.settle();
    return new Map(leads.map((lead, i) => [lead.person.email, people[i]!.personId]));
  }

  /** Opens the e-mail a step sent the person (its pixel), or follows its first link. */
  private async visit(personId: string, flowId: string, stepId: string, kind: 'open' | 'link'): Promise<void> {
    const token = (await this.visits.tokensOf(personId, flowId)).find((t) => t.stepId === stepId && t.kind === kind);
    if (!token) throw new Error(`demo: no ${kind} address in the e-mail of step ${stepId} for person ${personId}`);
    await this.visits.use(token.token, kind);
  }

  private async unsubscribe(personId: string, flowId: string): Promise<void> {
    const token = (await this.visits.tokensOf(personId, flowId)).find((t) => t.kind === 'unsubscribe');
    if (!token) throw new Error(`demo: no unsubscribe address for person ${personId}`);
    await this.visits.unsubscribe(token.token);
  }
}
