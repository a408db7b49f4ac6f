import { pageSchema, registerComponentSchema, type Schema } from '../../common/openapi-components.js';
import { recordSchema } from '../../records/record-schema.js';
import type { Resource } from '../../records/resource.js';
import type { BaseRecord } from '../../records/base-record.js';
import { persons } from '../persons/persons.resource.js';

/** A member of a selection or project: the person as the persons routes answer it, and when it was added. */
function memberSchema(): Schema {
  const person = recordSchema(persons as unknown as Resource<BaseRecord>) as { required: string[]; properties: Record<string, Schema> };
  return {
    ...person,
    required: [...person.required, 'addedAt'],
    properties: { ...person.properties, addedAt: { type: 'string', format: 'date-time', description: 'When the person became a member' } },
  };
}

export const MEMBER_REF = { $ref: registerComponentSchema('Member', memberSchema()) };

export const MEMBER_LIST_REF = { $ref: registerComponentSchema('MemberList', pageSchema(MEMBER_REF.$ref)) };

export const MEMBERS_ADDED_REF = {
  $ref: registerComponentSchema('MembersAdded', {
    type: 'object',
    required: ['added', 'alreadyMembers'],
    additionalProperties: false,
    properties: {
      added: { type: 'integer', minimum: 0, description: 'Persons that became members' },
      alreadyMembers: { type: 'integer', minimum: 0, description: 'Persons given that were members already' },
    },
  }),
};
