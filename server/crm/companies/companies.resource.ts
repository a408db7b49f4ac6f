import { defineResource } from '../../records/resource.js';
import { Employee } from '../employees/employee.entity.js';
import { Person } from '../persons/person.entity.js';
import { IntakeMeasure } from '../pipeline/intake-measure.entity.js';
import { Opportunity } from '../pipeline/opportunity.entity.js';
import { QuoteRequest } from '../pipeline/quote-request.entity.js';
import { Sale } from '../sales/sale.entity.js';
import { Company } from './company.entity.js';

export const companies = defineResource({
  name: 'company',
  plural: 'companies',
  path: 'companies',
  entity: Company,
  fields: {
    name: { kind: 'string', required: true, search: true },
    category: { kind: 'string' },
    ourContactId: { kind: 'ref', property: 'ourContact', target: () => Employee, label: 'employee' },
    serviceContactId: { kind: 'ref', property: 'serviceContact', target: () => Employee, label: 'employee' },
  },
  referencedBy: [
    { entity: () => Person, property: 'company', plural: 'persons' },
    { entity: () => QuoteRequest, property: 'company', plural: 'quote requests' },
    { entity: () => Opportunity, property: 'company', plural: 'opportunities' },
    { entity: () => IntakeMeasure, property: 'company', plural: 'intake measures' },
    { entity: () => Sale, property: 'company', plural: 'sales' },
  ],
  writeRoles: ['flow_admin', 'content_editor'],
});
