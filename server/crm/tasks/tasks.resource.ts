import { defineResource } from '../../records/resource.js';
import { Employee } from '../employees/employee.entity.js';
import { Person } from '../persons/person.entity.js';
import { Task } from './task.entity.js';
import { TaskType } from './task-type.entity.js';

export const taskTypes = defineResource({
  name: 'task_type',
  audit: { subject: 'task_type', nameField: 'name' },
  plural: 'task types',
  path: 'task-types',
  entity: TaskType,
  fields: { name: { kind: 'string', required: true, search: true } },
  unique: [{ fields: ['name'] }],
  referencedAs: [{ field: 'name', kind: 'task_type' }],
  referencedBy: [{ entity: () => Task, property: 'type', plural: 'tasks' }],
  writeRoles: ['flow_admin'],
});

export const tasks = defineResource({
  name: 'task',
  plural: 'tasks',
  path: 'tasks',
  entity: Task,
  fields: {
    type: { kind: 'lookup', target: () => TaskType, label: 'task type', required: true },
    title: { kind: 'string', required: true, search: true },
    responsibleId: { kind: 'ref', property: 'responsible', target: () => Employee, label: 'employee' },
    contactId: { kind: 'ref', property: 'contact', target: () => Person, label: 'person' },
    dueAt: { kind: 'datetime' },
    completedAt: { kind: 'datetime' },
  },
  /** Found by title and by their contact person's name. */
  searchAlso: ['contact.firstName', 'contact.lastName'],
  writeRoles: ['flow_admin', 'content_editor'],
});
