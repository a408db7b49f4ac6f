import { defineResource } from '../../records/resource.js';
import type { Fields } from '../../records/fields.js';
import { Company } from '../companies/company.entity.js';
import { Employee } from '../employees/employee.entity.js';
import { Person } from '../persons/person.entity.js';
import { Status, type StatusKind } from '../statuses/status.entity.js';
import { IntakeMeasure } from './intake-measure.entity.js';
import { Opportunity } from './opportunity.entity.js';
import { QuoteRequest } from './quote-request.entity.js';

/** Found by `q` through their person's name and e-mail and their status (`?q=jansen aangevraagd`). */
const PIPELINE_SEARCH = ['status.name', 'person.firstName', 'person.lastName', 'person.email'];

/** A status is given by its full name and must be one of its kind's statuses. */
function pipelineFields(kind: StatusKind): Fields {
  return {
    status: { kind: 'lookup', target: () => Status, label: `${kind.replace(/_/g, ' ')} status`, where: { kind }, required: true },
    personId: { kind: 'ref', property: 'person', target: () => Person, label: 'person' },
    companyId: { kind: 'ref', property: 'company', target: () => Company, label: 'company' },
    ownerId: { kind: 'ref', property: 'owner', target: () => Employee, label: 'employee' },
  };
}

export const quoteRequests = defineResource({
  name: 'quote_request',
  plural: 'quote requests',
  path: 'quote-requests',
  entity: QuoteRequest,
  fields: { kind: { kind: 'string', required: true, search: true }, ...pipelineFields('quote_request') },
  searchAlso: PIPELINE_SEARCH,
  writeRoles: ['flow_admin', 'content_editor'],
});

export const opportunities = defineResource({
  name: 'opportunity',
  plural: 'opportunities',
  path: 'opportunities',
  entity: Opportunity,
  fields: pipelineFields('opportunity'),
  searchAlso: PIPELINE_SEARCH,
  writeRoles: ['flow_admin', 'content_editor'],
});

export const intakeMeasures = defineResource({
  name: 'intake_measure',
  plural: 'intake measures',
  path: 'intake-measures',
  entity: IntakeMeasure,
  fields: pipelineFields('intake_measure'),
  searchAlso: PIPELINE_SEARCH,
  writeRoles: ['flow_admin', 'content_editor'],
});
