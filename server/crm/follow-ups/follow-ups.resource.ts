import { defineResource } from '../../records/resource.js';
import { Employee } from '../employees/employee.entity.js';
import { Project } from '../lists/project.entity.js';
import { Person } from '../persons/person.entity.js';
import { FollowUp } from './follow-up.entity.js';

export const followUps = defineResource({
  name: 'follow_up',
  plural: 'follow-ups',
  path: 'follow-ups',
  entity: FollowUp,
  fields: {
    title: { kind: 'string', required: true, search: true },
    type: { kind: 'string' },
    projectId: { kind: 'ref', property: 'project', target: () => Project, label: 'project' },
    start: { kind: 'datetime' },
    assignedToId: { kind: 'ref', property: 'assignedTo', target: () => Employee, label: 'employee' },
    agenda: { kind: 'text', search: true },
    personId: { kind: 'ref', property: 'person', target: () => Person, label: 'person' },
  },
  writeRoles: ['flow_admin', 'content_editor'],
});
