import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { toSnake } from '../common/naming.js';
import { CRM_RESOURCES } from '../crm/crm.module.js';
import type { BaseRecord } from '../records/base-record.js';
import { toRecordJson } from '../records/record-json.js';
import type { Resource } from '../records/resource.js';

export type Facts = Record<string, unknown>;
type Json = Record<string, unknown>;

const BY_NAME = new Map(CRM_RESOURCES.map((r) => [r.name, r]));

function snakeJson(resource: Resource<BaseRecord>, record: BaseRecord): Json {
  return Object.fromEntries(Object.entries(toRecordJson(resource, record)).map(([k, v]) => [toSnake(k), v]));
}

/**
 * The facts a rule is evaluated on, in the DSL's snake_case: the record itself under its entity
 * name, its person (a task's contact), company, and the employees around it (owner, responsible,
 * our_contact, service_contact), each loaded fresh from the database.
 */
@Injectable()
export class RecordFacts {
  async record(em: EntityManager, entity: string, id: string): Promise<Json | undefined> {
    const resource = BY_NAME.get(entity);
    if (!resource || !/^\d{1,18}$/.test(id)) return undefined;
    const found = await em.findOne(resource.entity, { id } as never, { populate: Object.entries(resource.fields).filter(([, f]) => f.kind === 'lookup').map(([n]) => n) as never });
    if (!found) return undefined;
    const json = snakeJson(resource, found);
    if (entity === 'person') json.full_name = [json.first_name, json.last_name].filter(Boolean).join(' ');
    return json;
  }

  /** Facts for a record; `fallback` stands in for a record that no longer exists (a deleted event's last values). */
  async load(em: EntityManager, entity: string, id: string, fallback?: Json): Promise<Facts> {
    const record = (await this.record(em, entity, id)) ?? fallback;
    const facts: Facts = {};
    if (!record) return facts;
    facts[entity] = record;
    const personId = entity === 'person' ? id : ((record.person_id ?? record.contact_id) as string | null | undefined);
    const person = entity === 'person' ? record : personId ? await this.record(em, 'person', personId) : undefined;
    if (person) facts.person = person;
    if (entity === 'task' && person) facts.contact = person;
    const companyId = (entity === 'company' ? id : (record.company_id ?? person?.company_id)) as string | null | undefined;
    const company = entity === 'company' ? record : companyId ? await this.record(em, 'company', companyId) : undefined;
    if (company) facts.company = company;
    const employees: [string, unknown][] = [
      ['owner', record.owner_id],
      ['responsible', record.responsible_id],
      ['our_contact', person?.our_contact_id ?? company?.our_contact_id],
      ['service_contact', person?.service_contact_id ?? company?.service_contact_id],
    ];
    for (const [role, employeeId] of employees) {
      if (typeof employeeId !== 'string') continue;
      const employee = await this.record(em, 'employee', employeeId);
      if (employee) facts[role] = { id: employee.id, name: employee.name, email: employee.email, mobile: employee.mobile };
    }
    return facts;
  }
}
