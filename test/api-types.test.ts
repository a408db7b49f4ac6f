import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { useTestApp } from './support/lifecycle.js';

/**
 * The admin UI's API types are generated from the service's OpenAPI document (openapi-typescript),
 * never written by hand: this test fails when the committed file is not what the current document
 * gives. `npm run api-types` writes it anew.
 */
const TYPES = join(process.cwd(), 'admin-ui/src/app/core/api-types.ts');
const HEADER = '// Generated from the OpenAPI document by `npm run api-types` (openapi-typescript); do not edit.\n/* eslint-disable */\n';

const context = useTestApp({ CLOCK: 'manual' });

describe('the admin UI API types', () => {
  it('are what the current OpenAPI document gives', async () => {
    const doc = (await context.app.call('GET', '/api/docs-json', undefined, null)).body;
    const generated = HEADER + astToString(await openapiTS(doc, { alphabetize: true }));
    if (process.env.WRITE_API_TYPES) writeFileSync(TYPES, generated);
    expect(readFileSync(TYPES, 'utf8')).toBe(generated);
  });
});
