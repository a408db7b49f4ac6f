import { ApiResponse, type OpenAPIObject } from '@nestjs/swagger';

/** A JSON schema as OpenAPI 3.0 writes it (with `nullable`). */
export type Schema = Record<string, unknown>;

/** What a DSL diagnostic's message is made of (Params in @stroom/dsl): names, counts, lists of names. */
export const DIAGNOSTIC_PARAMS: Schema = {
  type: 'object',
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }] },
  description: 'What the message is made of: names, counts, lists of names',
};

/**
 * The one error shape every 4xx and 5xx answer has (made by HttpErrorFilter from a CodedError):
 * exactly these properties, `params` only when the message has parameters, `details` only when given.
 */
export const ERROR_SCHEMA: Schema = {
  type: 'object',
  description: 'Every error answer. `code` is stable; `message` is in the language of Accept-Language (Dutch by default, or English).',
  required: ['statusCode', 'error', 'code', 'message'],
  additionalProperties: false,
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status, repeated.' },
    error: { type: 'string', description: 'The name of the status: `Bad Request`, `Not Found`, …' },
    code: { type: 'string', description: 'A stable code such as `validation.required` or `record.in_use`.', example: 'record.not_found' },
    message: { type: 'string', description: 'What went wrong, for people.' },
    params: { type: 'object', additionalProperties: true, description: 'The values the message names, by name.' },
    details: {
      description: 'More about the error; bad input has `issues`, one per field; a refused flow start `problems`, one per step and setting still missing; a refused template `problems`, one per field and fault.',
      properties: {
        problems: {
          type: 'array',
          items: {
            anyOf: [
              {
                type: 'object',
                description: 'A refused flow start: a step or setting still missing',
                required: ['stepId', 'setting', 'code', 'message', 'line', 'column'],
                additionalProperties: false,
                properties: {
                  stepId: { type: 'string', nullable: true, description: 'The step it is about; null: the flow' },
                  setting: { type: 'string', description: 'The code of the problem, which names the setting' },
                  code: { type: 'string' },
                  params: DIAGNOSTIC_PARAMS,
                  message: { type: 'string' },
                  line: { type: 'integer', minimum: 1 },
                  column: { type: 'integer', minimum: 1 },
                },
              },
              {
                type: 'object',
                description: 'A refused template: a field and what is wrong in it (where in its text, when known)',
                required: ['field', 'code', 'message'],
                additionalProperties: false,
                properties: {
                  field: { type: 'string' },
                  code: { type: 'string' },
                  params: { type: 'object', additionalProperties: true },
                  message: { type: 'string' },
                  line: { type: 'integer', minimum: 1 },
                  column: { type: 'integer', minimum: 1 },
                },
              },
            ],
          },
        },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'message'],
            properties: { field: { type: 'string' }, code: { type: 'string' }, params: { type: 'object', additionalProperties: true }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad input: a field, a query parameter or the body is refused (the field is named)',
  401: 'No valid bearer token or session',
  403: 'The caller’s roles do not allow this',
  404: 'No such record (or no such route)',
  409: 'Conflicts with other records (a unique value taken, or the record is in use)',
  413: 'The request body is too large',
  429: 'Too many attempts; try again later',
};

export const ERROR_REF = '#/components/schemas/Error';

/** The documented answer of one error status: the Error shape. */
export function errorResponse(status: number): { description: string; content: { 'application/json': { schema: { $ref: string } } } } {
  return { description: STATUS_TEXT[status] ?? 'Error', content: { 'application/json': { schema: { $ref: ERROR_REF } } } };
}

/**
 * The documented answers of one route: its success with `schema` (a `$ref`; none for 204), then the
 * errors it may give, each with the Error shape.
 */
export function ApiAnswers(success: number, schema: { $ref: string } | undefined, errors: number[]): MethodDecorator {
  const decorators = [
    ApiResponse({ status: success, description: success === 204 ? 'Done; no body' : 'OK', ...(schema ? { schema } : {}) }),
    ...errors.map((status) => ApiResponse({ status, ...errorResponse(status) })),
  ];
  return (target, key, descriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  };
}

/** The schema of one page of a list: `{items, total}`, total counting every match, not only this page. */
export function pageSchema(itemRef: string): Schema {
  return {
    type: 'object',
    required: ['items', 'total'],
    additionalProperties: false,
    properties: {
      items: { type: 'array', items: { $ref: itemRef } },
      total: { type: 'integer', minimum: 0, description: 'All that match, over every page' },
    },
  };
}

/** Named component schemas contributed while controllers are defined (the record resources'). */
const registered = new Map<string, Schema>();

/** Adds a component schema to the document; the same name twice must mean the same schema. */
export function registerComponentSchema(name: string, schema: Schema): string {
  const known = registered.get(name);
  if (known && JSON.stringify(known) !== JSON.stringify(schema)) throw new Error(`Two different OpenAPI schemas named ${name}`);
  registered.set(name, schema);
  return `#/components/schemas/${name}`;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  responses?: Record<string, unknown>;
}

/** The errors any route may give when it documents none of its own. */
function likelyErrors(path: string, operation: Operation): number[] {
  const statuses: number[] = [];
  if (operation.requestBody !== undefined || (operation.parameters ?? []).length > 0) statuses.push(400);
  if ((operation.security ?? []).length > 0) statuses.push(401, 403);
  if (path.includes('{')) statuses.push(404);
  if (operation.requestBody !== undefined) statuses.push(413);
  return statuses;
}

/**
 * Completes the document Nest builds: the component schemas (`Error` and the registered ones); for
 * every API operation (under /api) that documents no error of its own the errors any route may give (400 where it takes
 * a body or parameters, 401 and 403 where it needs authentication, 404 where its path names a record,
 * 413 where it takes a body); and on every operation `default`: any other error (a 5xx) has the same shape.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  // Relative to where the document is read: the service serves its API and the document together.
  if (!document.servers?.length) document.servers = [{ url: '/', description: 'This service' }];
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Record<string, unknown>;
  schemas.Error = ERROR_SCHEMA;
  for (const [name, schema] of registered) schemas[name] = schema;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const responses = (operation.responses ??= {});
      // The public pages and pixels outside /api document their own answers (HTML, images, redirects).
      if (path.startsWith('/api/') && !Object.keys(responses).some((status) => status.startsWith('4'))) {
        for (const status of likelyErrors(path, operation)) responses[String(status)] = errorResponse(status);
      }
      // Routes without a token (health, login, the public pages) say so: no security.
      operation.security ??= [];
      responses.default ??= { description: 'Any other error (503 when the database does not answer, 500 for a fault)', content: { 'application/json': { schema: { $ref: ERROR_REF } } } };
    }
  }
  withTypedNullables(document);
  return document;
}

/**
 * OpenAPI 3.0 allows `nullable` only beside a `type`: a nullable `anyOf`/`oneOf` (as zod writes
 * an optional id that may be a string or a number) becomes nullable in each of its typed branches,
 * and a nullable schema without any type (any JSON value) already admits null.
 */
function withTypedNullables(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) withTypedNullables(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (schema.nullable === true && schema.type === undefined) {
    delete schema.nullable;
    for (const key of ['anyOf', 'oneOf'] as const) {
      const branches = schema[key];
      if (Array.isArray(branches)) for (const branch of branches) if (branch && typeof branch === 'object' && 'type' in branch) (branch as Record<string, unknown>).nullable = true;
    }
  }
  for (const value of Object.values(schema)) withTypedNullables(value);
}
