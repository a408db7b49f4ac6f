import { defineResource } from '../../records/resource.js';
import { FollowUp } from '../follow-ups/follow-up.entity.js';
import { Sale } from '../sales/sale.entity.js';
import { Project } from './project.entity.js';
import { Selection } from './selection.entity.js';

export const selections = defineResource({
  name: 'selection',
  plural: 'selections',
  path: 'selections',
  entity: Selection,
  fields: { name: { kind: 'string', required: true, search: true } },
  unique: [{ fields: ['name'] }],
  referencedAs: [{ field: 'name', kind: 'selection' }],
  writeRoles: ['flow_admin', 'content_editor'],
});

export const projects = defineResource({
  name: 'project',
  plural: 'projects',
  path: 'projects',
  entity: Project,
  fields: { name: { kind: 'string', required: true, search: true } },
  unique: [{ fields: ['name'] }],
  referencedAs: [{ field: 'name', kind: 'project' }],
  referencedBy: [
    { entity: () => Sale, property: 'project', plural: 'sales' },
    { entity: () => FollowUp, property: 'project', plural: 'follow-ups' },
  ],
  writeRoles: ['flow_admin', 'content_editor'],
});
