import { BadInputError } from '../../common/errors.js';
import { defineResource } from '../../records/resource.js';
import { Employee } from '../employees/employee.entity.js';
import { Group } from '../employees/group.entity.js';
import { AssignmentRule } from './assignment-rule.entity.js';

/** `/api/assignment-rules`: per request type, the group or the employees its automatic owner comes from. */
export const assignmentRules = defineResource({
  name: 'assignment_rule',
  plural: 'assignment rules',
  path: 'assignment-rules',
  entity: AssignmentRule,
  fields: {
    requestType: { kind: 'string', required: true, search: true },
    groupId: { kind: 'ref', property: 'group', target: () => Group, label: 'group' },
    employeeIds: { kind: 'refList', target: () => Employee, label: 'employee' },
  },
  unique: [{ fields: ['requestType'] }],
  validate: requireOnePool,
  writeRoles: ['flow_admin'],
  put: true,
});

/** A rule names a group or employees: one of the two, never both or neither. */
function requireOnePool(json: Record<string, unknown>): void {
  const employees = Array.isArray(json.employeeIds) ? json.employeeIds.length : 0;
  if ((json.groupId === null || json.groupId === undefined) === (employees === 0)) {
    throw new BadInputError('give either groupId or employeeIds', { fields: ['groupId', 'employeeIds'] }, { code: 'assignment_rule.pool', params: { fields: ['groupId', 'employeeIds'] } });
  }
}
