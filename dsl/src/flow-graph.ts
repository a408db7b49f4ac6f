// Flow → step graph: every step a node with its id, kind, settings and where the participant goes
// next; splits carry their branches with compiled conditions.
import type { TopLevelCondition } from 'json-rules-engine';
import {
  flowSettingsOf, stripLocations, type DateTrigger, type Flow, type FlowSettingsView, type LeaveAction, type Step,
  type StepKind, type YearlyTrigger,
} from './ast.js';
import { changedConditions, compileCondition } from './compiler.js';
import { leaveActionsOf, nodeSettingsOf } from './flow-node-settings.js';
import { idsOfSteps } from './ids.js';

/** `null` as a target: the participant has reached the end of the flow (completed). */
export type Target = string | null;

export interface FlowNode {
  id: string;
  kind: StepKind;
  /** The step's own settings (template, duration, …), without nested steps, comments or positions. */
  settings: Record<string, unknown>;
  next: Target;
  /** Split: the branches in order; the first whose condition holds is taken. */
  branches?: { name: string; condition: TopLevelCondition; next: Target }[];
  /** Split: where everyone else goes. */
  others?: { kind: 'next'; next: Target } | { kind: 'leave'; actions: LeaveAction[] };
}

export type CompiledFlowTrigger =
  | { kind: 'manual' }
  | { kind: 'form_submitted'; form: string }
  | { kind: 'selection_added'; selection: string }
  | { kind: 'link_clicked' }
  | { kind: 'condition'; condition: TopLevelCondition }
  | DateTrigger
  | YearlyTrigger;

export type CompiledSuccessCriterion =
  | { kind: 'record_created'; entity: 'sale' | 'follow_up' | 'request' }
  | { kind: 'form_submitted'; form: string }
  | { kind: 'link_clicked' }
  | { kind: 'added_to'; target: 'selection' | 'project'; name: string }
  | { kind: 'field_changed'; entity: string; field: string; condition: TopLevelCondition };

export interface FlowGraph {
  name: string;
  settings: Pick<FlowSettingsView, 'sender' | 'replyTo' | 'smsSender' | 'sendWindow' | 'timezone' | 'whenLimited'>;
  triggers: CompiledFlowTrigger[];
  /** Checked once, at enrolment, on the person's facts. */
  filter?: TopLevelCondition;
  exclusions: string[];
  /** Checked before every step and on every change of the person: when it holds, the participant leaves. */
  exit?: { condition: TopLevelCondition; actions: LeaveAction[] };
  oncePerPerson: boolean;
  /** Days after a participation ended before the person may be enrolled again. */
  restartAfterDays?: number;
  success?: { criteria: CompiledSuccessCriterion[]; then: 'stop' | 'continue' };
  start: Target;
  nodes: Record<string, FlowNode>;
  /** Node ids in document order. */
  order: string[];
  edges: { from: string; to: Target; label?: string }[];
}

/** Compiles a flow; steps without a label get ids here only if the caller has not assigned them. */
export function compileFlow(flow: Flow): FlowGraph {
  const ids = idsOfSteps(flow);
  const view = flowSettingsOf(flow);
  const graph: FlowGraph = {
    name: flow.name,
    settings: stripLocations({
      sender: view.sender, replyTo: view.replyTo, smsSender: view.smsSender, sendWindow: view.sendWindow, timezone: view.timezone,
      whenLimited: view.whenLimited,
    }),
    triggers: view.triggers.map(compileTrigger),
    exclusions: [...view.exclusions],
    oncePerPerson: view.oncePerPerson,
    start: null,
    nodes: Object.create(null) as Record<string, FlowNode>,
    order: [],
    edges: [],
  };
  if (view.filter) graph.filter = compileCondition(view.filter);
  if (view.exit) graph.exit = { condition: compileCondition(view.exit.condition), actions: leaveActionsOf(view.exit.actions) };
  if (view.restartAfterDays !== undefined) graph.restartAfterDays = view.restartAfterDays;
  if (view.success) {
    graph.success = { criteria: view.success.criteria.map(compileCriterion), then: view.success.then };
  }
  graph.start = addBlock(graph, ids, flow.steps, null);
  graph.order = [...ids.values()]; // the ids are in document order
  for (const id of graph.order) addEdges(graph, graph.nodes[id]!);
  return graph;
}

function compileTrigger(trigger: FlowSettingsView['triggers'][number]): CompiledFlowTrigger {
  return trigger.kind === 'condition' ? { kind: 'condition', condition: compileCondition(trigger.condition) } : stripLocations(trigger);
}

function compileCriterion(criterion: NonNullable<FlowSettingsView['success']>['criteria'][number]): CompiledSuccessCriterion {
  if (criterion.kind !== 'field_changed') return stripLocations(criterion);
  const { entity, field } = criterion;
  return { kind: 'field_changed', entity, field, condition: { all: changedConditions(entity, field, criterion) } };
}

/** Adds the block's steps (last first, so each knows its successor); returns the first step's id. */
function addBlock(graph: FlowGraph, ids: ReadonlyMap<Step, string>, steps: readonly Step[], after: Target): Target {
  let next = after;
  for (let i = steps.length - 1; i >= 0; i--) next = addNode(graph, ids, steps[i]!, next);
  return next;
}

function addNode(graph: FlowGraph, ids: ReadonlyMap<Step, string>, step: Step, after: Target): string {
  const id = ids.get(step)!;
  const settings = nodeSettingsOf(step);
  if (step.kind !== 'split') {
    const ends = step.kind === 'leave' || step.kind === 'complete';
    graph.nodes[id] = { id, kind: step.kind, settings, next: ends ? null : after };
    return id;
  }
  const branches = step.branches.map((branch) => ({
    name: branch.name, condition: compileCondition(branch.condition), next: addBlock(graph, ids, branch.steps, after),
  }));
  const { others } = step;
  graph.nodes[id] = {
    id, kind: 'split', settings, next: null, branches,
    others: others?.kind === 'leave' ? { kind: 'leave', actions: leaveActionsOf(others.actions) }
      : { kind: 'next', next: others?.kind === 'steps' ? addBlock(graph, ids, others.steps, after) : after },
  };
  return id;
}

function addEdges(graph: FlowGraph, node: FlowNode): void {
  if (node.kind !== 'split') {
    if (node.kind !== 'leave' && node.kind !== 'complete') graph.edges.push({ from: node.id, to: node.next });
    return;
  }
  for (const branch of node.branches ?? []) graph.edges.push({ from: node.id, to: branch.next, label: branch.name });
  if (node.others?.kind === 'next') graph.edges.push({ from: node.id, to: node.others.next, label: 'others' });
}

/**
 * The flows a participant moves to when it finishes with `outcome` while on step `from` without
 * walking to the end (a success that stops the flow): the `on success` / `on no_success` moves of
 * the complete steps it could still reach from there, in document order, each flow once.
 */
export function completionMoves(graph: FlowGraph, from: Target, outcome: 'success' | 'no_success'): string[] {
  const reachable = new Set<string>();
  const pending: Target[] = [from];
  while (pending.length > 0) {
    const id = pending.pop();
    if (!id || reachable.has(id)) continue;
    const node = graph.nodes[id];
    if (!node) continue;
    reachable.add(id);
    pending.push(node.next, ...(node.branches ?? []).map((branch) => branch.next));
    if (node.others?.kind === 'next') pending.push(node.others.next);
  }
  const flows = new Set<string>();
  for (const id of graph.order) {
    const node = graph.nodes[id]!;
    if (node.kind !== 'complete' || !reachable.has(id)) continue;
    for (const action of (node.settings.actions ?? []) as { outcome: string; flow: string }[]) {
      if (action.outcome === outcome) flows.add(action.flow);
    }
  }
  return [...flows];
}
