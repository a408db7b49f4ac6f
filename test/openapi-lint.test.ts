import { describe, expect, it } from '@jest/globals';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { useTestApp } from './support/lifecycle.js';

/** The OpenAPI document passes Redocly's linter (its recommended rules): no error. */
const context = useTestApp({ CLOCK: 'manual' });

describe('the OpenAPI document', () => {
  it('has no error under the recommended rules of Redocly\'s linter', async () => {
    const doc = (await context.app.call('GET', '/api/docs-json', undefined, null)).body;
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config: await createConfig({ extends: ['recommended'] }) });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    process.stderr.write(`lint: ${problems.length} problems; by rule: ${JSON.stringify(problems.reduce<Record<string, number>>((n, p) => ({ ...n, [`${p.severity}:${p.ruleId}`]: (n[`${p.severity}:${p.ruleId}`] ?? 0) + 1 }), {}))}\n`);
    expect(errors).toEqual([]);
  });
});
