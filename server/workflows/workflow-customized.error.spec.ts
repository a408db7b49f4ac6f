import { describe, expect, it } from '@jest/globals';
import { ConflictError } from '../common/errors.js';
import { WorkflowCustomizedError } from './workflow-customized.error.js';

describe('WorkflowCustomizedError', () => {
  it('is a 409 with the code workflow.customized, naming the parts in its details and params', () => {
    const error = new WorkflowCustomizedError(['condition', 'delay in hours'], 'onCompleted');
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      statusCode: 409, code: 'workflow.customized', params: { parts: ['condition', 'delay in hours'] },
      details: { parts: ['condition', 'delay in hours'], setting: 'onCompleted' },
    });
    expect(error.message).toContain('condition, delay in hours');
  });
});
