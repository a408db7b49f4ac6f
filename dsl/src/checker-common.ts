// What every check needs: the catalog (absent offline), the mode, and where findings go.
import type { Entity, Loc } from './ast.js';
import type { Catalog, NameKind } from './catalog.js';
import { diagnosticAt, type Diagnostic, type Severity } from './diagnostics.js';
import type { Params } from './messages.js';
import { closest } from './suggest.js';

/** `save` lets an incomplete flow be stored (warnings); `start` needs it complete (errors). */
export type CheckMode = 'save' | 'start';

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly catalog: Catalog | undefined, readonly mode: CheckMode) {}

  report(loc: Loc | undefined, severity: Severity, code: string, params: Params, stepId?: string, suggestion?: string): void {
    const at = loc ?? { offset: 0, length: 1, line: 1, column: 1 };
    this.diagnostics.push(diagnosticAt(at, severity, code, params, { stepId, suggestion }));
  }

  /**
   * A name check that only runs with a catalog: offline, names are taken on trust. An unknown name
   * is reported with the catalog's nearest name of `kind` as the suggestion.
   */
  unknownName(loc: Loc | undefined, kind: NameKind, name: string, code: string, stepId?: string): void {
    if (!this.catalog || hasName(this.catalog, kind, name)) return;
    this.report(loc, 'error', code, { name }, stepId, closest(name, this.catalog.names(kind)));
  }
}

export const EMPLOYEE_ROLES = ['our_contact', 'service_contact', 'responsible', 'owner'] as const;

/** The records a workflow on each entity can read (conditions, recipients, template variables). */
export const RECORDS_OF: { readonly [E in Entity]: readonly string[] } = {
  person: ['person', 'company', 'our_contact', 'service_contact'],
  company: ['company', 'our_contact', 'service_contact'],
  task: ['task', 'person', 'contact', 'company', 'responsible', 'our_contact', 'service_contact'],
  quote_request: ['quote_request', 'person', 'company', 'owner', 'our_contact', 'service_contact'],
  opportunity: ['opportunity', 'person', 'company', 'owner', 'our_contact', 'service_contact'],
  intake_measure: ['intake_measure', 'person', 'company', 'owner', 'our_contact', 'service_contact'],
  sale: ['sale', 'person', 'company', 'owner', 'our_contact', 'service_contact'],
  request: ['request', 'person', 'company', 'owner', 'our_contact', 'service_contact'],
  follow_up: ['follow_up', 'person', 'company', 'our_contact', 'service_contact'],
};

/** A flow is about its participant: the person, their company and contacts. */
export const FLOW_RECORDS: readonly string[] = ['person', 'company', 'our_contact', 'service_contact'];
/** A split also sees the participant's behaviour (`participant.clicked`, …) and its webhook answers (`webhook.crm.status`). */
export const SPLIT_RECORDS: readonly string[] = [...FLOW_RECORDS, 'participant', 'webhook'];

/** What records a rule can read; `about` names the rule in messages ("a quote_request workflow"). */
export interface RecordScope {
  records: readonly string[];
  about: string;
}

/** `{{ person.first_name | upcase }}` → `person.first_name`. */
export function mergeVariablesIn(text: string): string[] {
  const variables: string[] = [];
  if (!text.includes('{{')) return variables;
  const pattern = /\{\{-?\s*([A-Za-z_][\w.]*)/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) variables.push(match[1]!);
  return variables;
}

/** Reports the merge variables (of a text or a template) whose record the rule does not have. */
export function checkVariables(
  ctx: CheckContext, variables: readonly string[], scope: RecordScope, what: string, loc: Loc | undefined, stepId?: string,
): void {
  let missing: Set<string> | undefined; // most texts miss nothing: made at the first miss
  for (const variable of variables) {
    const dot = variable.indexOf('.');
    const head = dot < 0 ? variable : variable.slice(0, dot);
    if (head === 'unsubscribe_url' || scope.records.includes(head) || missing?.has(head)) continue;
    (missing ??= new Set()).add(head);
    ctx.report(loc, 'error', 'missing-record', { what, path: variable, about: scope.about, record: head }, stepId);
  }
}

export function checkTemplate(
  ctx: CheckContext, key: string, channel: 'email' | 'sms', scope: RecordScope, loc: Loc | undefined, stepId?: string,
): void {
  if (!ctx.catalog) return;
  const template = ctx.catalog.template(key);
  if (!template) {
    ctx.report(loc, 'error', 'unknown-template', { name: key }, stepId, closest(key, ctx.catalog.names('templates')));
    return;
  }
  if (template.channel !== channel) ctx.report(loc, 'error', 'template-channel', { name: key, channel }, stepId);
  checkVariables(ctx, template.variables, scope, `template "${key}"`, loc, stepId);
}

function hasName(catalog: Catalog, kind: NameKind, name: string): boolean {
  switch (kind) {
    case 'templates': return catalog.template(name) !== undefined;
    case 'selections': return catalog.hasSelection(name);
    case 'projects': return catalog.hasProject(name);
    case 'forms': return catalog.hasForm(name);
    case 'flows': return catalog.hasFlow(name);
    case 'taskTypes': return catalog.hasTaskType(name);
    case 'groups': return catalog.hasGroup(name);
    case 'employees': return catalog.hasEmployee(name);
    case 'files': return catalog.file(name) !== undefined;
  }
}
