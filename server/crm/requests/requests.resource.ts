import { defineResource } from '../../records/resource.js';
import { Employee } from '../employees/employee.entity.js';
import { Person } from '../persons/person.entity.js';
import { CrmRequest } from './crm-request.entity.js';

export const requests = defineResource({
  name: 'request',
  plural: 'requests',
  path: 'requests',
  entity: CrmRequest,
  fields: {
    title: { kind: 'string', required: true, search: true },
    type: { kind: 'string' },
    status: { kind: 'string' },
    category: { kind: 'string' },
    priority: { kind: 'string' },
    ownerId: { kind: 'ref', property: 'owner', target: () => Employee, label: 'employee' },
    message: { kind: 'text', search: true },
    personId: { kind: 'ref', property: 'person', target: () => Person, label: 'person' },
  },
  writeRoles: ['flow_admin', 'content_editor'],
});
