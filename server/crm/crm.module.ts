import { type Provider, Module } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { ChangeRecorder } from '../events/change-recorder.js';
import { EventsModule } from '../events/events.module.js';
import { assignmentRules } from './assignment-rules/assignment-rules.resource.js';
import { Memberships } from './lists/memberships.js';
import { EmployeeAccounts } from './employees/employee-accounts.js';
import { PersonNames } from './persons/person-names.js';
import { EmployeePools } from './assignment-rules/employee-pools.js';
import { companies } from './companies/companies.resource.js';
import { employees, groups } from './employees/employees.resource.js';
import { followUps } from './follow-ups/follow-ups.resource.js';
import { ProjectMember } from './lists/project.entity.js';
import { SelectionMember } from './lists/selection.entity.js';
import { projects, selections } from './lists/lists.resource.js';
import { membersController, membersServiceToken } from './lists/members-controller.js';
import { MembersService } from './lists/members.service.js';
import { persons } from './persons/persons.resource.js';
import { intakeMeasures, opportunities, quoteRequests } from './pipeline/pipeline.resource.js';
import { recordController, recordServiceToken } from '../records/record-controller.js';
import { RecordService } from '../records/record.service.js';
import { recordServiceProvider } from '../records/record-provider.js';
import type { Resource } from '../records/resource.js';
import type { BaseRecord } from '../records/base-record.js';
import { requests } from './requests/requests.resource.js';
import { sales } from './sales/sales.resource.js';
import { statuses } from './statuses/statuses.resource.js';
import { taskTypes, tasks } from './tasks/tasks.resource.js';
import { LanguageModule } from '../language/language.module.js';
import { CrmCatalog } from './crm-catalog.js';

/** The CRM records, each served by the same record service and controller shape. */
export const CRM_RESOURCES = [
  employees, groups, companies, persons, selections, projects, statuses, taskTypes, tasks,
  quoteRequests, opportunities, intakeMeasures, sales, requests, followUps, assignmentRules,
] as unknown as Resource<BaseRecord>[];

const recordServices: Provider[] = CRM_RESOURCES.map(recordServiceProvider);

const membersServices: Provider[] = [
  { path: 'selections', list: selections, member: SelectionMember, property: 'selection' },
  { path: 'projects', list: projects, member: ProjectMember, property: 'project' },
].map(({ path, list, member, property }) => ({
  provide: membersServiceToken(path),
  useFactory: (records: RecordService<BaseRecord>, em: EntityManager, recorder: ChangeRecorder, clock: Clock) =>
    new MembersService(records, member as never, property as 'selection' | 'project', em, recorder, clock),
  inject: [recordServiceToken(list), EntityManager, ChangeRecorder, Clock],
}));

@Module({
  imports: [LanguageModule, EventsModule],
  controllers: [
    ...CRM_RESOURCES.map((resource) => recordController(resource)),
    membersController('selections'),
    membersController('projects'),
  ],
  providers: [CrmCatalog, ...recordServices, ...membersServices, EmployeePools, Memberships, EmployeeAccounts, PersonNames],
  exports: [...[...recordServices, ...membersServices].map((p) => (p as { provide: string }).provide), EmployeePools, Memberships, EmployeeAccounts],
})
export class CrmModule {}
