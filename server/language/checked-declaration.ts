import { checkSource, hasErrors, type Catalog, type Declaration, type Diagnostic, type Program } from '@stroom/dsl';
import { BadInputError } from '../common/errors.js';

export interface CheckedDeclaration<D extends Declaration> {
  program: Program;
  declaration: D;
  warnings: Diagnostic[];
}

/**
 * Parses and checks a source that must hold exactly one declaration of `kind` (a stored workflow
 * or flow). Errors are a 400 whose details carry the diagnostics with their positions; a `name`
 * given beside the source must match the declaration's.
 */
export function checkOneDeclaration<K extends Declaration['kind']>(
  source: string, kind: K, catalog: Catalog, givenName?: string,
): CheckedDeclaration<Extract<Declaration, { kind: K }>> {
  const { ast, diagnostics } = checkSource(source, { catalog, mode: 'save' });
  if (hasErrors(diagnostics)) {
    const first = diagnostics.find((d) => d.severity === 'error')!;
    throw new BadInputError(`source: ${first.line}:${first.column}: ${first.message}`, { field: 'source', diagnostics }, {
      code: 'dsl.invalid', params: { line: first.line, column: first.column, diagnostic: first.code },
    });
  }
  const declaration = ast.declarations[0];
  if (ast.declarations.length !== 1 || declaration?.kind !== kind) {
    throw new BadInputError(`source: a ${kind} source holds exactly one ${kind} declaration`, { field: 'source', diagnostics });
  }
  if (givenName !== undefined && givenName !== declaration.name) {
    throw new BadInputError(`name: "${givenName}" differs from the name in the source ("${declaration.name}")`, { field: 'name' });
  }
  return { program: ast, declaration: declaration as Extract<Declaration, { kind: K }>, warnings: diagnostics };
}
