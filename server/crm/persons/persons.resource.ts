import { defineResource } from '../../records/resource.js';
import { Company } from '../companies/company.entity.js';
import { Employee } from '../employees/employee.entity.js';
import { Person } from './person.entity.js';

/**
 * Deleting a person is allowed: its memberships, participations, messages, tracking tokens and
 * change events go with it; records that named it keep no link (SPEC §6).
 */
export const persons = defineResource({
  name: 'person',
  plural: 'persons',
  path: 'persons',
  entity: Person,
  fields: {
    firstName: { kind: 'string', search: true },
    lastName: { kind: 'string', search: true },
    email: { kind: 'string', format: 'email', search: true },
    mobile: { kind: 'string', max: 32, search: true },
    category: { kind: 'string' },
    companyId: { kind: 'ref', property: 'company', target: () => Company, label: 'company' },
    ourContactId: { kind: 'ref', property: 'ourContact', target: () => Employee, label: 'employee' },
    serviceContactId: { kind: 'ref', property: 'serviceContact', target: () => Employee, label: 'employee' },
    interests: { kind: 'stringList' },
    unsubscribed: { kind: 'boolean', default: false },
    extra: { kind: 'object' },
  },
  unique: [{ fields: ['email'], caseInsensitive: true }],
  writeRoles: ['flow_admin', 'content_editor'],
  personalData: true,
});
