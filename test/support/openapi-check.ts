import { expect } from '@jest/globals';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats, { type FormatsPlugin } from 'ajv-formats';
import type { TestContext } from './lifecycle.js';

type Json = Record<string, any>;

/**
 * Checks real answers of the API against the OpenAPI document: `documentedCall` calls a route and
 * expects its answer to match the schema the document gives for that operation (by its path
 * template) and status. Read the document first (`load`, in a beforeAll).
 */
export class OpenApiCheck {
  doc: Json = {};
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly context: TestContext) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    // ajv-formats is CommonJS: its plugin is the default export or the module itself, depending on the loader.
    const addFormats = ((ajvFormats as unknown as { default?: FormatsPlugin }).default ?? ajvFormats) as FormatsPlugin;
    addFormats(this.ajv);
  }

  async load(): Promise<Json> {
    const res = await this.context.app.call('GET', '/api/docs-json', undefined, null);
    expect(res.status).toBe(200);
    this.doc = res.body;
    return this.doc;
  }

  /** The schema the document gives for an answer, compiled with the document's components beside it. */
  validatorFor(method: string, path: string, status: number): ValidateFunction | undefined {
    const key = `${method} ${path} ${status}`;
    const operation = this.doc.paths[path]?.[method.toLowerCase()];
    expect({ key, documented: operation !== undefined }).toEqual({ key, documented: true });
    const response = operation.responses[String(status)] ?? (status >= 400 ? operation.responses.default : undefined);
    expect({ key, documented: response !== undefined }).toEqual({ key, documented: true });
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return undefined;
    if (!this.validators.has(key)) this.validators.set(key, this.ajv.compile({ ...schema, components: this.doc.components }));
    return this.validators.get(key);
  }

  /** Calls the API (as the admin token, or `token`) and expects the answer to match what the document says of that operation and status. */
  async documentedCall(method: string, template: string, path: string, body?: unknown, token?: string | null) {
    const res = await this.context.app.call(method, path, body, token);
    const validate = this.validatorFor(method, template, res.status);
    if (res.status === 204) expect(res.body).toBeUndefined();
    else {
      expect({ path, status: res.status, hasSchema: validate !== undefined }).toEqual({ path, status: res.status, hasSchema: true });
      const valid = validate!(res.body);
      expect({ method, path, status: res.status, errors: valid ? null : validate!.errors, body: valid ? null : res.body }).toEqual({ method, path, status: res.status, errors: null, body: null });
    }
    return res;
  }
}
