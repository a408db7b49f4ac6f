import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { DatabaseMigrations } from '../database/database-migrations.js';
import { companies } from '../crm/companies/companies.resource.js';
import { employees } from '../crm/employees/employees.resource.js';
import { projects, selections } from '../crm/lists/lists.resource.js';
import { persons } from '../crm/persons/persons.resource.js';
import { quoteRequests } from '../crm/pipeline/pipeline.resource.js';
import { recordServiceToken } from '../records/record-controller.js';
import type { RecordService } from '../records/record.service.js';
import type { BaseRecord } from '../records/base-record.js';
import { tasks } from '../crm/tasks/tasks.resource.js';
import { DEMO_COMPANIES, DEMO_EMPLOYEES, DEMO_PERSONS } from './demo-data.js';
import { DemoMarketing } from './demo-marketing.js';


/**
 * Seeds demo data once, on a fresh embedded database, unless SEED_DEMO=off: CRM records, then the
 * marketing content and flows (DemoMarketing). Everything goes through the product's own services,
 * so every row has its change event and every flow figure comes from the engine.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly migrations: DatabaseMigrations,
    @Inject(recordServiceToken(employees)) private readonly employeeRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(companies)) private readonly companyRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(persons)) private readonly personRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(selections)) private readonly selectionRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(projects)) private readonly projectRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(tasks)) private readonly taskRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(quoteRequests)) private readonly quoteRequestRecords: RecordService<BaseRecord>,
    private readonly marketing: DemoMarketing,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.database !== 'embedded' || !this.migrations.fresh || !this.config.seedDemo) return;
    const staff = [];
    for (const e of DEMO_EMPLOYEES) staff.push(await this.employeeRecords.create(e));
    const firms = [];
    for (const [i, c] of DEMO_COMPANIES.entries()) firms.push(await this.companyRecords.create({ ...c, ourContactId: staff[i % staff.length]!.id }));
    const people = [];
    for (const { company, ...p } of DEMO_PERSONS) {
      people.push(await this.personRecords.create({ ...p, companyId: company === null ? null : firms[company]!.id, ourContactId: staff[1]!.id }));
    }
    const optOut = await this.selectionRecords.create({ name: 'Afmeldingen' });
    const newsletter = await this.selectionRecords.create({ name: 'Nieuwsbrief' });
    await this.projectRecords.create({ name: 'Buurtaanpak Zuid' });
    await this.taskRecords.create({ type: 'Bellen', title: `Bel ${people[0]!.firstName}`, responsibleId: staff[1]!.id, contactId: people[0]!.id, dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString() });
    await this.quoteRequestRecords.create({ kind: 'Offertezoek', status: 'Offertezoek - Offerte nog niet aangevraagd', personId: people[1]!.id, ownerId: staff[2]!.id });
    this.logger.log(`Seeded demo data: ${staff.length} employees, ${firms.length} companies, ${people.length} persons`);
    const started = Date.now();
    try {
      await this.marketing.seed(
        { personIds: new Map(people.map((p) => [String(p.email), String(p.id)])), ownerId: String(staff[2]!.id) },
        { optOut: String(optOut.id), newsletter: String(newsletter.id) },
      );
      this.logger.log(`Seeded the demo's e-mails, form, workflows and flows (their history in ${Date.now() - started} ms)`);
    } catch (error) {
      // The demo is a courtesy: a part of it that no longer fits the product must not keep the service from starting.
      this.logger.error(`The demo's marketing data is incomplete: ${(error as Error).stack ?? String(error)}`);
    }
  }
}
