import { IANAZone } from 'luxon';
import { BadInputError } from '../../common/errors.js';
import { defineResource } from '../../records/resource.js';
import { Company } from '../companies/company.entity.js';
import { Employee } from '../employees/employee.entity.js';
import { Person } from './person.entity.js';

/**
 * Deleting a person is allowed: its memberships, participations, messages, tracking tokens and
 * change events go with it; records that named it keep no link.
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
    mobile: { kind: 'string', format: 'phone', max: 32, search: true },
    category: { kind: 'string' },
    companyId: { kind: 'ref', property: 'company', target: () => Company, label: 'company' },
    ourContactId: { kind: 'ref', property: 'ourContact', target: () => Employee, label: 'employee' },
    serviceContactId: { kind: 'ref', property: 'serviceContact', target: () => Employee, label: 'employee' },
    interests: { kind: 'stringList' },
    unsubscribed: { kind: 'boolean', default: false },
    timeZone: { kind: 'string', max: 64 },
    extra: { kind: 'object' },
  },
  unique: [{ fields: ['email'], caseInsensitive: true }],
  validate: (json) => {
    requireNameOrAddress(json);
    requireKnownTimeZone(json);
  },
  writeRoles: ['flow_admin', 'content_editor'],
  personalData: true,
});

const IDENTIFYING = ['firstName', 'lastName', 'email', 'mobile'] as const;

/** A person nobody can name or reach is no record: at least a name, an e-mail address or a mobile number. */
function requireNameOrAddress(json: Record<string, unknown>): void {
  if (IDENTIFYING.some((field) => typeof json[field] === 'string' && (json[field] as string).trim() !== '')) return;
  throw new BadInputError(`give at least one of ${IDENTIFYING.join(', ')}`, { fields: [...IDENTIFYING] }, { code: 'person.identity_required', params: { fields: [...IDENTIFYING] } });
}

function requireKnownTimeZone(json: Record<string, unknown>): void {
  const zone = json['timeZone'];
  if (zone === null || zone === undefined || (typeof zone === 'string' && IANAZone.isValidZone(zone))) return;
  throw new BadInputError(`timeZone: unknown time zone ${JSON.stringify(zone)} (an IANA name such as "Europe/Amsterdam")`, { field: 'timeZone' }, { code: 'person.unknown_time_zone', params: { zone: String(zone) } });
}
