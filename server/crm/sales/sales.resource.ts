import { defineResource } from '../../records/resource.js';
import { Company } from '../companies/company.entity.js';
import { Employee } from '../employees/employee.entity.js';
import { Project } from '../lists/project.entity.js';
import { Person } from '../persons/person.entity.js';
import { SALE_STAGES, Sale } from './sale.entity.js';

export const sales = defineResource({
  name: 'sale',
  plural: 'sales',
  path: 'sales',
  entity: Sale,
  fields: {
    title: { kind: 'string', required: true, search: true },
    type: { kind: 'string' },
    stage: { kind: 'enum', values: SALE_STAGES, default: 'open' },
    amount: { kind: 'number', min: 0 },
    description: { kind: 'text', search: true },
    personId: { kind: 'ref', property: 'person', target: () => Person, label: 'person' },
    companyId: { kind: 'ref', property: 'company', target: () => Company, label: 'company' },
    projectId: { kind: 'ref', property: 'project', target: () => Project, label: 'project' },
    ownerId: { kind: 'ref', property: 'owner', target: () => Employee, label: 'employee' },
    date: { kind: 'datetime' },
  },
  writeRoles: ['flow_admin', 'content_editor'],
});
