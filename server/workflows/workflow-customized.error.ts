import { ConflictError } from '../common/errors.js';

/**
 * A form save over a workflow that was edited in the DSL into something the form cannot show:
 * saving would drop the named parts (e.g. "condition", "second action", "delay in hours").
 */
export class WorkflowCustomizedError extends ConflictError {
  /** `setting` names the workflow of a task type (`onNew`, `onExpired`, `onCompleted`). */
  constructor(readonly parts: string[], setting?: string) {
    super(
      `This workflow was changed in the DSL editor; saving the form would drop its ${parts.join(', ')}. Edit it in the DSL editor.`,
      { parts, ...(setting ? { setting } : {}) },
      { code: 'workflow.customized', params: { parts } },
    );
  }
}
