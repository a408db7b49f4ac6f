import { defineResource } from '../records/resource.js';
import { Form } from './form.entity.js';

/** Content editors create and edit forms but delete none. */
export const forms = defineResource({
  name: 'form',
  plural: 'forms',
  path: 'forms',
  entity: Form,
  fields: {
    key: { kind: 'string', required: true, max: 100, search: true },
    name: { kind: 'string', required: true, search: true },
  },
  unique: [{ fields: ['key'] }],
  referencedAs: [{ field: 'key', kind: 'form' }],
  writeRoles: ['flow_admin', 'content_editor'],
  deleteRoles: ['flow_admin'],
});
