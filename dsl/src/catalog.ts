// What the checker may ask about the world: templates, selections, statuses, fields … The server
// implements `Catalog` over its database; tests and tools use `InMemoryCatalog`.
import type { Entity } from './ast.js';

/** `any` is a free-form field (`person.extra.<name>`): every value fits. */
export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'list' | 'id' | 'any';
export type StatusKind = 'quote_request' | 'opportunity' | 'intake_measure';

export interface TemplateInfo {
  key: string;
  channel: 'email' | 'sms';
  /** Merge variables the template uses, e.g. `person.first_name`, `task.title`, `unsubscribe_url`. */
  variables: readonly string[];
}

/** The kinds of name a rule refers to, for "did you mean …". */
export type NameKind = 'templates' | 'selections' | 'projects' | 'forms' | 'flows' | 'taskTypes' | 'groups' | 'employees' | 'files';

export interface Catalog {
  template(key: string): TemplateInfo | undefined;
  hasSelection(name: string): boolean;
  hasProject(name: string): boolean;
  hasForm(key: string): boolean;
  hasFlow(name: string): boolean;
  hasTaskType(name: string): boolean;
  hasGroup(name: string): boolean;
  hasEmployee(email: string): boolean;
  /** An uploaded file by its name (an e-mail step's attachment), with its size in bytes. */
  file(name: string): { size: number } | undefined;
  /** Status names of a kind, e.g. `Offertezoek - Offerte aangevraagd`. */
  statuses(kind: StatusKind): readonly string[];
  /** The type of `entity.field` (snake_case), or undefined for an unknown field. */
  fieldType(entity: Entity, field: string): FieldType | undefined;
  /** Every name of a kind (asked only to suggest a name for a misspelled one). */
  names(kind: NameKind): readonly string[];
  /** The fields of an entity beyond the standard ones. */
  extraFields(entity: Entity): readonly string[];
  /** The names of the secrets webhook headers may use; absent where the configuration is not known. */
  secretNames?(): readonly string[] | undefined;
}

/** The fields of the API's JSON shapes in snake_case: the same on every installation. */
export const STANDARD_FIELDS: { readonly [E in Entity]: Readonly<Record<string, FieldType>> } = {
  person: {
    id: 'id', first_name: 'string', last_name: 'string', full_name: 'string', email: 'string',
    mobile: 'string', category: 'string', company_id: 'id', our_contact_id: 'id', service_contact_id: 'id',
    interests: 'list', unsubscribed: 'boolean', created_at: 'date', updated_at: 'date',
  },
  company: {
    id: 'id', name: 'string', category: 'string', our_contact_id: 'id', service_contact_id: 'id',
    created_at: 'date', updated_at: 'date',
  },
  task: {
    id: 'id', type: 'string', title: 'string', responsible_id: 'id', contact_id: 'id', due_at: 'date',
    completed_at: 'date', created_at: 'date', updated_at: 'date',
  },
  quote_request: {
    id: 'id', kind: 'string', status: 'string', person_id: 'id', company_id: 'id', owner_id: 'id',
    created_at: 'date', updated_at: 'date',
  },
  opportunity: {
    id: 'id', status: 'string', person_id: 'id', company_id: 'id', owner_id: 'id', created_at: 'date',
    updated_at: 'date',
  },
  intake_measure: {
    id: 'id', status: 'string', person_id: 'id', company_id: 'id', owner_id: 'id', created_at: 'date',
    updated_at: 'date',
  },
  sale: {
    id: 'id', title: 'string', type: 'string', stage: 'string', amount: 'number', description: 'string',
    person_id: 'id', company_id: 'id', project_id: 'id', owner_id: 'id', date: 'date', created_at: 'date',
    updated_at: 'date',
  },
  request: {
    id: 'id', title: 'string', type: 'string', status: 'string', category: 'string', priority: 'string',
    owner_id: 'id', message: 'string', person_id: 'id', created_at: 'date', updated_at: 'date',
  },
  follow_up: {
    id: 'id', title: 'string', type: 'string', project_id: 'id', start: 'date', assigned_to_id: 'id',
    agenda: 'string', person_id: 'id', created_at: 'date', updated_at: 'date',
  },
};

/** Employee fields, reachable as `our_contact.*`, `service_contact.*`, `responsible.*`, `owner.*`. */
export const EMPLOYEE_FIELDS: Readonly<Record<string, FieldType>> = {
  id: 'id', name: 'string', email: 'string', mobile: 'string',
};

/**
 * Behaviour in a flow, for split branches (`participant.clicked`): facts about this participation
 * since its enrolment, which the engine computes when the split is reached.
 */
export const PARTICIPANT_FIELDS: Readonly<Record<string, FieldType>> = {
  clicked: 'boolean', opened: 'boolean', clicks: 'number', opens: 'number', forms: 'list', emails: 'number',
};

/** `webhook.<label>.status`: the HTTP status a webhook step got (0 when no answer came), for split branches. */
export function webhookFieldType(field: string): FieldType | undefined {
  return /^[A-Za-z_]\w*\.status$/.test(field) ? 'number' : undefined;
}

/** `person.extra.<name>` is free-form: any name, any type. */
export function standardFieldType(entity: Entity, field: string): FieldType | undefined {
  if (entity === 'person' && field.startsWith('extra.') && /^extra\.[A-Za-z_]\w*$/.test(field)) return 'any';
  return STANDARD_FIELDS[entity][field];
}

export interface CatalogData {
  templates?: TemplateInfo[];
  selections?: string[];
  projects?: string[];
  forms?: string[];
  flows?: string[];
  taskTypes?: string[];
  groups?: string[];
  employees?: string[];
  files?: { name: string; size: number }[];
  statuses?: Partial<Record<StatusKind, string[]>>;
  /** Extra fields per entity on top of the standard ones. */
  fields?: Partial<Record<Entity, Record<string, FieldType>>>;
  /** Secret names for webhook headers; absent: not checked. */
  secrets?: string[];
}

/** A catalog over plain lists (looked up through sets); e-mail addresses compare case-insensitively. */
export class InMemoryCatalog implements Catalog {
  private readonly templates: Map<string, TemplateInfo>;
  private readonly employees: Set<string>;
  private readonly files: Map<string, { size: number }>;
  private readonly sets: Record<'selections' | 'projects' | 'forms' | 'flows' | 'taskTypes' | 'groups', Set<string>>;

  constructor(private readonly data: CatalogData = {}) {
    this.templates = new Map((data.templates ?? []).map((template) => [template.key, template]));
    this.employees = new Set((data.employees ?? []).map((email) => email.toLowerCase()));
    this.files = new Map((data.files ?? []).map((file) => [file.name, { size: file.size }]));
    this.sets = {
      selections: new Set(data.selections), projects: new Set(data.projects), forms: new Set(data.forms),
      flows: new Set(data.flows), taskTypes: new Set(data.taskTypes), groups: new Set(data.groups),
    };
  }

  template(key: string): TemplateInfo | undefined { return this.templates.get(key); }
  hasSelection(name: string): boolean { return this.sets.selections.has(name); }
  hasProject(name: string): boolean { return this.sets.projects.has(name); }
  hasForm(key: string): boolean { return this.sets.forms.has(key); }
  hasFlow(name: string): boolean { return this.sets.flows.has(name); }
  hasTaskType(name: string): boolean { return this.sets.taskTypes.has(name); }
  hasGroup(name: string): boolean { return this.sets.groups.has(name); }
  hasEmployee(email: string): boolean { return this.employees.has(email.toLowerCase()); }
  file(name: string): { size: number } | undefined { return this.files.get(name); }
  statuses(kind: StatusKind): readonly string[] { return this.data.statuses?.[kind] ?? []; }

  fieldType(entity: Entity, field: string): FieldType | undefined {
    return this.data.fields?.[entity]?.[field] ?? standardFieldType(entity, field);
  }

  names(kind: NameKind): readonly string[] {
    if (kind === 'templates') return [...this.templates.keys()];
    if (kind === 'files') return [...this.files.keys()];
    return this.data[kind] ?? [];
  }

  extraFields(entity: Entity): readonly string[] {
    return Object.keys(this.data.fields?.[entity] ?? {});
  }

  secretNames(): readonly string[] | undefined {
    return this.data.secrets;
  }
}
