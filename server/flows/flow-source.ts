import { assignStepIds, checkSource, hasErrors, print, stepIdsOf, type Catalog, type Diagnostic, type Flow as FlowAst, type Program } from '@stroom/dsl';
import { BadInputError, ConflictError } from '../common/errors.js';

export interface CheckedFlow {
  ast: FlowAst;
  name: string;
  /** Canonical source with every step's id written as its label. */
  source: string;
  stepIds: string[];
  warnings: Diagnostic[];
}

/**
 * Parses and checks one flow's source (saving an incomplete flow is allowed: missing settings are
 * warnings here), then gives unlabelled steps ids that none of the flow's versions used before.
 */
export function checkFlowSource(source: string, catalog: Catalog, usedIds: Iterable<string>, givenName?: string): CheckedFlow {
  const { ast, diagnostics } = checkSource(source, { catalog, mode: 'save' });
  if (hasErrors(diagnostics)) {
    const first = diagnostics.find((d) => d.severity === 'error')!;
    throw new BadInputError(`source: ${first.line}:${first.column}: ${first.message}`, { field: 'source', diagnostics });
  }
  if (ast.declarations.length !== 1 || ast.declarations[0]!.kind !== 'flow') {
    throw new BadInputError('source: a flow source holds exactly one flow declaration', { field: 'source', diagnostics });
  }
  const name = ast.declarations[0]!.name;
  if (givenName !== undefined && givenName !== name) {
    throw new BadInputError(`name: "${givenName}" differs from the name in the source ("${name}")`, { field: 'name' });
  }
  const withIds: Program = assignStepIds(ast, usedIds);
  const flow = withIds.declarations[0] as FlowAst;
  return { ast: flow, name, source: print(withIds), stepIds: stepIdsOf(flow), warnings: diagnostics };
}

/** Start is refused while any required setting is missing: a 409 naming each step and setting. */
export function assertStartable(source: string, catalog: Catalog): void {
  const problems = checkSource(source, { catalog, mode: 'start' }).diagnostics.filter((d) => d.severity === 'error');
  if (problems.length === 0) return;
  throw new ConflictError(`The flow cannot start: ${problems.map((p) => (p.stepId ? `step ${p.stepId}: ${p.message}` : p.message)).join('; ')}`, {
    problems: problems.map((p) => ({ stepId: p.stepId ?? null, setting: p.code ?? null, message: p.message, line: p.line, column: p.column })),
  });
}
