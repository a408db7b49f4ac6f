import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, Reference } from '@mikro-orm/core';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { NotFoundError } from '../common/errors.js';
import { toSnake } from '../common/naming.js';
import { Company } from '../crm/companies/company.entity.js';
import type { Employee } from '../crm/employees/employee.entity.js';
import { Person } from '../crm/persons/person.entity.js';
import { persons } from '../crm/persons/persons.resource.js';
import { companies } from '../crm/companies/companies.resource.js';
import { toRecordJson } from '../records/record-json.js';
import type { MergeContext } from './template-engine.js';


function snakeKeys(json: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [toSnake(k), v]));
}

function employeeFields(employee: Employee | null | undefined): Record<string, unknown> | undefined {
  return employee ? { name: employee.name, email: employee.email, mobile: employee.mobile ?? null } : undefined;
}

/** Builds the merge variables of SPEC §1 for a person: person, company, our_contact, service_contact. */
@Injectable()
export class MergeContextBuilder {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forPerson(personId: string, em: EntityManager = this.em.fork()): Promise<MergeContext> {
    if (!/^\d{1,18}$/.test(personId)) throw new NotFoundError(`No person with id ${JSON.stringify(personId)}`, { code: 'record.not_found', params: { entity: 'person', id: personId } });
    const person = await em.findOne(Person, { id: personId }, { populate: ['company', 'ourContact', 'serviceContact'] as never });
    if (!person) throw new NotFoundError(`No person with id ${personId}`, { code: 'record.not_found', params: { entity: 'person', id: personId } });
    const personJson = snakeKeys(toRecordJson(persons, person));
    personJson.full_name = [person.firstName, person.lastName].filter(Boolean).join(' ');
    const company = person.company ? (Reference.unwrapReference(person.company) as Company) : undefined;
    return {
      person: personJson,
      ...(company ? { company: snakeKeys(toRecordJson(companies, company)) } : {}),
      ...(person.ourContact ? { our_contact: employeeFields(Reference.unwrapReference(person.ourContact) as Employee) } : {}),
      ...(person.serviceContact ? { service_contact: employeeFields(Reference.unwrapReference(person.serviceContact) as Employee) } : {}),
      unsubscribe_url: `${this.config.publicUrl}/u/preview`,
    };
  }
}
