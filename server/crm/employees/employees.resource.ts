import { defineResource } from '../../records/resource.js';
import { Company } from '../companies/company.entity.js';
import { FollowUp } from '../follow-ups/follow-up.entity.js';
import { Person } from '../persons/person.entity.js';
import { IntakeMeasure } from '../pipeline/intake-measure.entity.js';
import { Opportunity } from '../pipeline/opportunity.entity.js';
import { QuoteRequest } from '../pipeline/quote-request.entity.js';
import { CrmRequest } from '../requests/crm-request.entity.js';
import { Sale } from '../sales/sale.entity.js';
import { Task } from '../tasks/task.entity.js';
import { Employee } from './employee.entity.js';
import { Group } from './group.entity.js';
import { AssignmentRule } from '../assignment-rules/assignment-rule.entity.js';

export const employees = defineResource({
  name: 'employee',
  // Who may do what: only the roles are audited (the rest of an employee is CRM data).
  audit: { subject: 'employee', nameField: 'email', pick: (json) => ({ roles: json.roles ?? [] }) },
  plural: 'employees',
  path: 'employees',
  entity: Employee,
  fields: {
    name: { kind: 'string', required: true, search: true },
    email: { kind: 'string', format: 'email', required: true, search: true },
    mobile: { kind: 'string', format: 'phone', max: 32, search: true },
    groupId: { kind: 'ref', property: 'group', target: () => Group, label: 'group' },
    roles: { kind: 'roles' },
    available: { kind: 'boolean', default: true },
    password: { kind: 'password' },
  },
  unique: [{ fields: ['email'], caseInsensitive: true }],
  referencedAs: [{ field: 'email', kind: 'employee' }],
  referencedBy: [
    { entity: () => Person, property: 'ourContact', plural: 'persons' },
    { entity: () => Person, property: 'serviceContact', plural: 'persons' },
    { entity: () => Company, property: 'ourContact', plural: 'companies' },
    { entity: () => Company, property: 'serviceContact', plural: 'companies' },
    { entity: () => Task, property: 'responsible', plural: 'tasks' },
    { entity: () => QuoteRequest, property: 'owner', plural: 'quote requests' },
    { entity: () => Opportunity, property: 'owner', plural: 'opportunities' },
    { entity: () => IntakeMeasure, property: 'owner', plural: 'intake measures' },
    { entity: () => Sale, property: 'owner', plural: 'sales' },
    { entity: () => CrmRequest, property: 'owner', plural: 'requests' },
    { entity: () => FollowUp, property: 'assignedTo', plural: 'follow-ups' },
  ],
  writeRoles: ['flow_admin'],
  restrictedFields: [{ field: 'roles', roles: ['flow_admin'] }],
});

export const groups = defineResource({
  name: 'group',
  plural: 'groups',
  path: 'groups',
  entity: Group,
  fields: { name: { kind: 'string', required: true, search: true } },
  unique: [{ fields: ['name'] }],
  referencedAs: [{ field: 'name', kind: 'group' }],
  referencedBy: [
    { entity: () => Employee, property: 'group', plural: 'employees' },
    { entity: () => AssignmentRule, property: 'group', plural: 'assignment rules' },
  ],
  writeRoles: ['flow_admin'],
});
