import type { CheckedFlow } from './flow-source.js';
import type { Flow, FlowStatus } from './flow.entity.js';

/** A flow as its routes answer it. */
export function flowJson(f: Flow) {
  return { id: String(f.id), name: f.name, source: f.source, status: f.status, version: f.version, createdAt: f.createdAt.toISOString(), updatedAt: f.updatedAt.toISOString() };
}

/** What GET answers beside name and source: a PUT accepts them back unchanged. */
export const FLOW_READ_ONLY = ['id', 'status', 'version', 'createdAt', 'updatedAt'];

/** A save's answer: the flow, and beside it what is still missing (content to write, settings to fill in). */
export function savedFlowJson(flow: Flow, checked: CheckedFlow) {
  return { ...flowJson(flow), warnings: checked.warnings.filter((d) => d.severity === 'warning') };
}

/** What the audit log keeps of a flow: its source and running state. */
export function auditedFlow(flow: Flow): { status: FlowStatus; source: string } {
  return { status: flow.status, source: flow.source };
}
