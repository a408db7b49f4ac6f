import { parse, type StatusKind } from '@stroom/dsl';
import { z } from 'zod';
import { BadInputError } from '../common/errors.js';
import { parseInput } from '../common/validation.js';
import type { TaskWorkflowKind } from '../workflows/settings-dsl.js';

/** What an export holds and an import applies: the rules as text plus what they name. */
export interface Bundle {
  statuses: { kind: StatusKind; name: string; position: number; active: boolean }[];
  taskTypes: { name: string }[];
  templates: { key: string; name: string; channel: 'email' | 'sms'; format: 'html' | 'mjml'; subject: string | null; body: string }[];
  workflows: { name: string; source: string; setting?: BundleSetting }[];
  flows: { name: string; source: string }[];
}

/** A workflow written by a per-status or per-task-type form, linked by names (ids differ between installations). */
export type BundleSetting = { kind: 'status'; statusKind: StatusKind; status: string } | { kind: 'task_type'; taskType: string; which: TaskWorkflowKind };

/** A name as exported, kept exactly (an import that trimmed it would give back something else). */
const name = z.string().max(255).refine((v) => v.trim().length > 0, { message: 'must not be empty', params: { code: 'validation.not_empty' } });
const statusKind = z.enum(['quote_request', 'opportunity', 'intake_measure']);
const schemas = {
  statuses: z.array(z.strictObject({ kind: statusKind, name, position: z.number().int().min(0).max(100_000), active: z.boolean() })),
  taskTypes: z.array(z.strictObject({ name })),
  template: z.strictObject({ key: name, name, channel: z.enum(['email', 'sms']), format: z.enum(['html', 'mjml']).optional(), subject: z.string().max(998).nullable() }),
  settings: z.array(
    z.union([
      z.strictObject({ workflow: name, kind: z.literal('status'), statusKind, status: name }),
      z.strictObject({ workflow: name, kind: z.literal('task_type'), taskType: name, which: z.enum(['new', 'expired', 'completed']) }),
    ]),
  ),
};

export const BUNDLE_FORMAT = 'stroom-export';
export const BUNDLE_VERSION = 1;

/**
 * The files of an export, laid out for a git repository: one `.stroom` file per workflow and flow,
 * each template's body beside its settings, and the statuses, task types and form links as JSON.
 */
export function bundleToFiles(bundle: Bundle, exportedAt: Date): Record<string, string> {
  const files: Record<string, string> = {
    'manifest.json': json({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: exportedAt.toISOString() }),
    'statuses.json': json(bundle.statuses),
    'task-types.json': json(bundle.taskTypes),
    'workflow-settings.json': json(bundle.workflows.filter((w) => w.setting).map((w) => ({ workflow: w.name, ...w.setting }))),
  };
  const templateFile = uniqueFileNames();
  for (const t of bundle.templates) {
    const base = `templates/${templateFile(t.key)}`;
    // `format` only for MJML: an HTML template's files read as they did before MJML existed.
    files[`${base}.json`] = json({ key: t.key, name: t.name, channel: t.channel, ...(t.format === 'mjml' ? { format: t.format } : {}), subject: t.subject });
    files[`${base}.liquid`] = t.body;
  }
  const named = (dir: string, items: { name: string; source: string }[]) => {
    const fileName = uniqueFileNames();
    for (const item of items) files[`${dir}/${fileName(item.name)}.stroom`] = item.source;
  };
  named('workflows', bundle.workflows);
  named('flows', bundle.flows);
  return files;
}

/**
 * At most this many of each kind in one import: a bigger one is refused at once (400
 * `import.too_many`), before its items are validated, so an import's work stays bounded.
 */
export const IMPORT_LIMITS = { statuses: 2000, taskTypes: 1000, templates: 1000, workflows: 500, flows: 500 } as const;

function assertWithinLimit(kind: keyof typeof IMPORT_LIMITS, count: number): void {
  const limit = IMPORT_LIMITS[kind];
  if (count > limit) throw new BadInputError(`${kind}: ${count} in one import, at most ${limit}`, { field: kind }, { code: 'import.too_many', params: { kind, count, limit } });
}

/** Reads the files of an export back; a missing or malformed part is a 400 naming the file. */
export function bundleFromFiles(files: Record<string, string>): Bundle {
  const paths = Object.keys(files);
  assertWithinLimit('templates', paths.filter((p) => /^templates\/[^/]+\.json$/.test(p)).length);
  assertWithinLimit('workflows', paths.filter((p) => p.startsWith('workflows/') && p.endsWith('.stroom')).length);
  assertWithinLimit('flows', paths.filter((p) => p.startsWith('flows/') && p.endsWith('.stroom')).length);
  const manifest = readJson(files, 'manifest.json') as { format?: unknown; version?: unknown };
  if (manifest?.format !== BUNDLE_FORMAT || manifest.version !== BUNDLE_VERSION) {
    throw new BadInputError(`manifest.json: not a ${BUNDLE_FORMAT} version ${BUNDLE_VERSION} archive`, { file: 'manifest.json' }, { code: 'import.wrong_format', params: { format: BUNDLE_FORMAT, version: BUNDLE_VERSION } });
  }
  const settings = new Map(validated(schemas.settings, files, 'workflow-settings.json').map(({ workflow, ...setting }) => [workflow, setting as BundleSetting]));
  const templates: Bundle['templates'] = [];
  for (const path of Object.keys(files).filter((p) => /^templates\/[^/]+\.json$/.test(p)).sort()) {
    const meta = validated(schemas.template, files, path);
    const body = files[path.replace(/\.json$/, '.liquid')];
    if (body === undefined) throw new BadInputError(`${path}: the template's body ${path.replace(/\.json$/, '.liquid')} is missing`, { file: path }, { code: 'import.template_body_missing', params: { file: path, body: path.replace(/\.json$/, '.liquid') } });
    templates.push({ key: meta.key, name: meta.name, channel: meta.channel, format: meta.format ?? 'html', subject: meta.subject ?? null, body });
  }
  const sources = (dir: string, kind: 'workflow' | 'flow') =>
    Object.keys(files)
      .filter((p) => p.startsWith(`${dir}/`) && p.endsWith('.stroom'))
      .sort()
      .map((path) => ({ name: declaredName(files[path]!, kind, path), source: files[path]! }));
  return {
    statuses: validated(schemas.statuses, files, 'statuses.json', 'statuses'),
    taskTypes: validated(schemas.taskTypes, files, 'task-types.json', 'taskTypes'),
    templates,
    workflows: sources('workflows', 'workflow').map((w) => ({ ...w, ...(settings.has(w.name) ? { setting: settings.get(w.name)! } : {}) })),
    flows: sources('flows', 'flow'),
  };
}

/** The name a `.stroom` file declares; one declaration of the expected kind per file. */
function declaredName(source: string, kind: 'workflow' | 'flow', path: string): string {
  const declarations = parse(source).ast.declarations;
  const declaration = declarations[0];
  if (declarations.length !== 1 || declaration?.kind !== kind || !declaration.name) {
    throw new BadInputError(`${path}: expected one ${kind} declaration`, { file: path }, { code: 'import.declaration_expected', params: { file: path, kind } });
  }
  return declaration.name;
}

function readJson(files: Record<string, string>, path: string): unknown {
  const text = files[path];
  if (text === undefined) throw new BadInputError(`${path}: missing from the archive`, { file: path }, { code: 'import.file_missing', params: { file: path } });
  try {
    return JSON.parse(text);
  } catch {
    throw new BadInputError(`${path}: not valid JSON`, { file: path }, { code: 'import.not_json', params: { file: path } });
  }
}

/** A JSON file checked against its schema; a refusal names the file (`statuses.json: 2.name: …`). */
function validated<S extends z.ZodType>(schema: S, files: Record<string, string>, path: string, limited?: keyof typeof IMPORT_LIMITS): z.output<S> {
  const value = readJson(files, path);
  if (limited && Array.isArray(value)) assertWithinLimit(limited, value.length);
  try {
    return parseInput(schema, value, path);
  } catch (error) {
    if (error instanceof BadInputError && !error.message.startsWith(`${path}:`)) throw new BadInputError(`${path}: ${error.message}`, { file: path, ...(error.details as object) }, { code: error.code, params: error.params, context: path });
    throw error;
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * File names for the items of one folder: readable (the slug), never the same twice, also where
 * names differ only in case, accents or punctuation (`lq-date_now`, `lq-date-now`). The import reads
 * every name from the file's content, so the file name need not be decoded.
 */
function uniqueFileNames(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const base = slug(name);
    let fileName = base;
    for (let n = 2; used.has(fileName); n++) fileName = `${base}-${n}`;
    used.add(fileName);
    return fileName;
  };
}

/** A file name from a display name: lower case letters, digits and dashes. */
export function slug(name: string): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return base.slice(0, 80) || 'unnamed';
}
