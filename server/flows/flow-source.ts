import { assignStepIds, checkSource, print, stepIdsOf, type Catalog, type Diagnostic, type Flow as FlowAst, type Program } from '@stroom/dsl';
import { ConflictError } from '../common/errors.js';
import { checkOneDeclaration } from '../language/checked-declaration.js';

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
  const { program, declaration, warnings } = checkOneDeclaration(source, 'flow', catalog, givenName);
  const withIds: Program = assignStepIds(program, usedIds);
  const flow = withIds.declarations[0] as FlowAst;
  const printed = print(withIds);
  // The warnings are answered against the stored text: its lines, and the ids just given.
  const stored = warnings.length === 0 ? warnings : checkSource(printed, { catalog, mode: 'save' }).diagnostics;
  return { ast: flow, name: declaration.name, source: printed, stepIds: stepIdsOf(flow), warnings: stored };
}

/** Start is refused while any required setting is missing: a 409 naming each step and setting. */
export function assertStartable(source: string, catalog: Catalog): void {
  const problems = checkSource(source, { catalog, mode: 'start' }).diagnostics.filter((d) => d.severity === 'error');
  if (problems.length === 0) return;
  throw new ConflictError(`The flow cannot start: ${problems.map((p) => (p.stepId ? `step ${p.stepId}: ${p.message}` : p.message)).join('; ')}`, {
    problems: problems.map((p) => ({ stepId: p.stepId ?? null, setting: p.code, code: p.code, params: p.params, message: p.message, line: p.line, column: p.column })),
  }, { code: 'flow.not_startable', params: { problems: problems.map((p) => (p.stepId ? `step ${p.stepId}: ${p.message}` : p.message)).join('; ') } });
}
