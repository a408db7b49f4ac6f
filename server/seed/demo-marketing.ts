import { Inject, Injectable } from '@nestjs/common';
import { quoteRequests } from '../crm/pipeline/pipeline.resource.js';
import { selections } from '../crm/lists/lists.resource.js';
import { membersServiceToken } from '../crm/lists/members-controller.js';
import type { MembersService } from '../crm/lists/members.service.js';
import { FlowEditing } from '../flows/flow-editing.js';
import { FlowLifecycle } from '../flows/flow-lifecycle.js';
import { forms } from '../forms/forms.resource.js';
import { recordServiceToken } from '../records/record-controller.js';
import type { BaseRecord } from '../records/base-record.js';
import type { RecordService } from '../records/record.service.js';
import { ClockAdvancer } from '../scheduling/clock-advancer.js';
import { templates } from '../templates/templates.resource.js';
import { WorkflowSettingsService } from '../workflows/workflow-settings.service.js';
import { demoTemplates } from './demo-content.js';
import { DEMO_LEADS } from './demo-data.js';
import { CUSTOMER_FLOW, DEMO_FORM, LEAD_FLOW } from './demo-flows.js';
import { DemoHistory } from './demo-history.js';


/** Two seed-004 rows switched on: the e-mail each status change sends, as an administrator would set it. */
const STATUS_SETTINGS = [
  { status: 'Offertezoek - Offerte aangevraagd', setting: { active: true, templateKey: 'offerte-aangevraagd', delayDays: 0, recipient: 'person', sendReminder: true, reminderIntervalDays: 7, reminderMaxCount: 2 } },
  { status: 'Bezoek - Afspraak gemaakt', setting: { active: true, templateKey: 'afspraak-bevestiging', delayDays: 0, recipient: 'person', sendReminder: false } },
];

export interface DemoPeople {
  /** The demo's persons by e-mail address. */
  personIds: Map<string, string>;
  /** The employee who owns sales and quote requests. */
  ownerId: string;
}

/**
 * The marketing side of the demo: designed e-mails and an SMS text, the contact form, two status
 * workflows switched on (and records that set them off), a running lead flow with a history made by
 * the engine, and a paused offer to customers.
 */
@Injectable()
export class DemoMarketing {
  constructor(
    @Inject(recordServiceToken(templates)) private readonly templateRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(forms)) private readonly formRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(selections)) private readonly selectionRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(quoteRequests)) private readonly quoteRequestRecords: RecordService<BaseRecord>,
    @Inject(membersServiceToken('selections')) private readonly selectionMembers: MembersService,
    private readonly settings: WorkflowSettingsService,
    private readonly flows: FlowLifecycle,
    private readonly editing: FlowEditing,
    private readonly history: DemoHistory,
    private readonly work: ClockAdvancer,
  ) {}

  async seed(people: DemoPeople, selectionIds: { optOut: string; newsletter: string }): Promise<void> {
    for (const template of demoTemplates()) await this.templateRecords.create({ ...template });
    await this.formRecords.create(DEMO_FORM);
    await this.selectionRecords.create({ name: 'Geen reactie' });
    await this.switchOnStatusSettings(people);

    const leads = await this.editing.create({ source: LEAD_FLOW });
    await this.flows.start(String(leads.id));
    // Bram is on the opt-out list and fills in the form anyway: the flow refuses him.
    await this.selectionMembers.add(selectionIds.optOut, { personIds: [people.personIds.get('bram.deboer@example.nl')!] });
    const leadIds = await this.history.run(String(leads.id), DEMO_LEADS, people.ownerId);

    const offer = await this.editing.create({ source: CUSTOMER_FLOW });
    await this.flows.start(String(offer.id));
    const customers = ['fleur.mulder@example.nl', 'anna.kok@example.nl', 'jesse.dekker@example.nl'].map((email) => {
      const id = people.personIds.get(email) ?? leadIds.get(email);
      if (!id) throw new Error(`demo: no person ${email}`);
      return id;
    });
    await this.selectionMembers.add(selectionIds.newsletter, { personIds: customers });
    await this.work.settle();
    await this.flows.pause(String(offer.id));
  }

  /** Switches the two rows on, then moves records into those statuses, so their e-mails are really sent. */
  private async switchOnStatusSettings(people: DemoPeople): Promise<void> {
    const rows = (await this.settings.listStatuses('quote_request')).items as { id: string; name: string }[];
    for (const { status, setting } of STATUS_SETTINGS) {
      const row = rows.find((r) => r.name === status);
      if (!row) throw new Error(`demo: no quote request status ${JSON.stringify(status)}`);
      await this.settings.putStatus('quote_request', String(row.id), setting);
    }
    const daan = people.personIds.get('daan.smit@example.nl')!;
    const eva = people.personIds.get('eva.visser@example.nl')!;
    const requested = await this.quoteRequestRecords.list({ personId: daan });
    for (const request of requested.items) await this.quoteRequestRecords.update(String(request.id), { status: 'Offertezoek - Offerte aangevraagd' });
    await this.quoteRequestRecords.create({ kind: 'Bezoek', status: 'Bezoek - Afspraak gemaakt', personId: eva, ownerId: people.ownerId });
    await this.work.settle();
  }
}
