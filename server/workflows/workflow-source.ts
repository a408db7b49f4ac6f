import { print, type Catalog, type Diagnostic, type Workflow as WorkflowAst } from '@stroom/dsl';
import { checkOneDeclaration } from '../language/checked-declaration.js';

export interface CheckedWorkflow {
  ast: WorkflowAst;
  name: string;
  /** The canonical source that is stored. */
  source: string;
  warnings: Diagnostic[];
}

/** Parses and checks the source of one workflow against the catalog (400 with diagnostics on errors). */
export function checkWorkflowSource(source: string, catalog: Catalog, givenName?: string): CheckedWorkflow {
  const { program, declaration, warnings } = checkOneDeclaration(source, 'workflow', catalog, givenName);
  return { ast: declaration, name: declaration.name, source: print(program), warnings };
}
