/**
 * The merge variables, by root (listed in docs/dsl-reference.md): the fields of the API's JSON shapes in snake_case, the
 * employee fields under each employee role, and the unsubscribe link. `person.extra.<name>` is free-form.
 */
const EMPLOYEE = ['name', 'email', 'mobile'];

export const MERGE_VARIABLES: Readonly<Record<string, readonly string[]>> = {
  person: ['id', 'first_name', 'last_name', 'full_name', 'email', 'mobile', 'category', 'company_id', 'interests', 'unsubscribed', 'extra'],
  company: ['id', 'name', 'category'],
  our_contact: EMPLOYEE,
  service_contact: EMPLOYEE,
  responsible: EMPLOYEE,
  owner: EMPLOYEE,
  task: ['id', 'type', 'title', 'due_at', 'completed_at'],
  quote_request: ['id', 'kind', 'status'],
  opportunity: ['id', 'status'],
  intake_measure: ['id', 'status'],
  sale: ['id', 'title', 'type', 'stage', 'amount', 'description', 'date'],
  request: ['id', 'title', 'type', 'status', 'category', 'priority', 'message'],
  follow_up: ['id', 'title', 'type', 'start', 'agenda'],
};

/** Top-level variables without fields. */
export const SCALAR_VARIABLES: readonly string[] = ['unsubscribe_url'];

/** Properties Liquid gives every string and array: `{{ person.first_name.size }}`. */
export const LIQUID_PROPERTIES: readonly string[] = ['size', 'first', 'last'];

/** Whether a variable path (segments) is a known merge variable. */
export function isKnownVariable(path: readonly string[]): boolean {
  if (path.length > 1 && LIQUID_PROPERTIES.includes(path.at(-1)!)) return isKnownVariable(path.slice(0, -1));
  const [root, field, ...rest] = path;
  if (root === undefined) return false;
  if (SCALAR_VARIABLES.includes(root)) return field === undefined;
  const fields = MERGE_VARIABLES[root];
  if (!fields) return false;
  if (field === undefined) return true;
  if (!fields.includes(field)) return false;
  return rest.length === 0 || (root === 'person' && field === 'extra') || field === 'interests';
}
