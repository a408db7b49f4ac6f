import { defineResource } from '../../records/resource.js';
import { IntakeMeasure } from '../pipeline/intake-measure.entity.js';
import { Opportunity } from '../pipeline/opportunity.entity.js';
import { QuoteRequest } from '../pipeline/quote-request.entity.js';
import { STATUS_KINDS, Status } from './status.entity.js';

export const statuses = defineResource({
  name: 'status',
  audit: { subject: 'status', nameField: 'name' },
  plural: 'statuses',
  path: 'statuses',
  entity: Status,
  fields: {
    kind: { kind: 'enum', values: STATUS_KINDS, required: true },
    name: { kind: 'string', required: true, search: true },
    position: { kind: 'number', integer: true, min: 0, max: 100_000 },
    active: { kind: 'boolean', default: true },
  },
  unique: [{ fields: ['kind', 'name'] }],
  referencedAs: [{ field: 'name', kind: 'status', statusKindFrom: 'kind' }],
  referencedBy: [
    { entity: () => QuoteRequest, property: 'status', plural: 'quote requests' },
    { entity: () => Opportunity, property: 'status', plural: 'opportunities' },
    { entity: () => IntakeMeasure, property: 'status', plural: 'intake measures' },
  ],
  writeRoles: ['flow_admin'],
});
