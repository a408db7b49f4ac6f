import { checkSource, hasErrors, print, type Catalog, type Diagnostic, type Workflow as WorkflowAst } from '@stroom/dsl';
import { BadInputError } from '../common/errors.js';

export interface CheckedWorkflow {
  ast: WorkflowAst;
  name: string;
  /** The canonical source that is stored. */
  source: string;
  warnings: Diagnostic[];
}

/**
 * Parses and checks the source of one workflow against the catalog. Errors are a 400 whose
 * details carry the diagnostics with their positions.
 */
export function checkWorkflowSource(source: string, catalog: Catalog, givenName?: string): CheckedWorkflow {
  const { ast, diagnostics } = checkSource(source, { catalog, mode: 'save' });
  if (hasErrors(diagnostics)) {
    const first = diagnostics.find((d) => d.severity === 'error')!;
    throw new BadInputError(`source: ${first.line}:${first.column}: ${first.message}`, { field: 'source', diagnostics });
  }
  const workflows = ast.declarations.filter((d): d is WorkflowAst => d.kind === 'workflow');
  if (workflows.length !== 1 || ast.declarations.length !== 1) {
    throw new BadInputError('source: a workflow source holds exactly one workflow declaration', { field: 'source', diagnostics });
  }
  const workflow = workflows[0]!;
  if (givenName !== undefined && givenName !== workflow.name) {
    throw new BadInputError(`name: "${givenName}" differs from the name in the source ("${workflow.name}")`, { field: 'name' });
  }
  return { ast: workflow, name: workflow.name, source: print(ast), warnings: diagnostics };
}
