import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats, { type FormatsPlugin } from 'ajv-formats';

type Json = Record<string, any>;

interface Route {
  template: string;
  pattern: RegExp;
  /** Fewer parameters first: `/api/flows/new` beats `/api/flows/{id}`. */
  params: number;
}

/** One answer the OpenAPI document does not describe. */
export interface UndocumentedAnswer {
  method: string;
  path: string;
  status: number;
  problem: string;
  body?: unknown;
}

/**
 * Checks any answer of the API against the OpenAPI document: the route is found by its path
 * template, the status must be documented for the operation (or covered by its `default` for an
 * error), and a JSON body must match the schema given for that status. The test app uses it to check
 * every answer of the tests that switch it on (the role matrix and the API tests).
 */
export class AnswerValidation {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(private readonly doc: Json) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    // ajv-formats is CommonJS: its plugin is the default export or the module itself, depending on the loader.
    const addFormats = ((ajvFormats as unknown as { default?: FormatsPlugin }).default ?? ajvFormats) as FormatsPlugin;
    addFormats(this.ajv);
    this.routes = Object.keys(doc.paths ?? {}).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      params: (template.match(/\{/g) ?? []).length,
    })).sort((a, b) => a.params - b.params);
  }

  /** The problem with this answer, or undefined when the document describes it. */
  check(method: string, path: string, status: number, contentType: string | null, body: unknown): UndocumentedAnswer | undefined {
    const bare = path.split('?')[0]!;
    if (bare.startsWith('/api/docs')) return undefined; // the document itself, and its viewer
    const lower = method.toLowerCase();
    const route = this.routes.find((r) => r.pattern.test(bare) && this.doc.paths[r.template][lower]);
    const answer = { method, path, status };
    if (!route) {
      // An address the service does not have: a 404 in the one error shape.
      if (status !== 404) return { ...answer, problem: 'no documented operation for this method and path' };
      const validate = this.validator('unknown address 404', { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } })!;
      return validate(body) ? undefined : { ...answer, problem: `404 not in the error shape: ${this.ajv.errorsText(validate.errors)}`, body };
    }
    const operation = this.doc.paths[route.template][lower];
    const response = operation.responses?.[String(status)] ?? operation.responses?.[`${String(status)[0]}XX`] ?? (status >= 400 ? operation.responses?.default : undefined);
    if (!response) return { ...answer, problem: `status ${status} is not documented for ${method} ${route.template}` };
    if (status === 204 || body === undefined || !contentType?.includes('json')) return undefined;
    const validate = this.validator(`${lower} ${route.template} ${status}`, response);
    if (!validate) return { ...answer, problem: `no JSON schema documented for ${status} of ${method} ${route.template}`, body };
    return validate(body) ? undefined : { ...answer, problem: this.ajv.errorsText(validate.errors), body };
  }

  private validator(key: string, response: Json): ValidateFunction | null {
    if (!this.validators.has(key)) {
      const schema = response.content?.['application/json']?.schema;
      this.validators.set(key, schema ? this.ajv.compile({ ...schema, components: this.doc.components }) : null);
    }
    return this.validators.get(key)!;
  }
}
