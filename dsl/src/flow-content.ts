// What a flow uses of the content in the database (templates, forms, attachments), and the rule
// that content still to be written is only a warning while the flow is saved, not yet started.
import { forEachStep, stepsInOrder, type Flow, type Program, type Step } from './ast.js';
import type { CheckMode } from './checker-common.js';
import type { Diagnostic } from './diagnostics.js';
import { assignStepIds, stepIdsOf } from './ids.js';

/** Diagnostic codes of content that does not exist yet: a marketer may save now and write it later. */
export const MISSING_CONTENT_CODES: ReadonlySet<string> = new Set(['unknown-template', 'unknown-form', 'unknown-file']);

/** In save mode, the missing-content findings from index `from` on become warnings (in place). */
export function softenMissingContent(diagnostics: Diagnostic[], from: number, mode: CheckMode): void {
  if (mode !== 'save') return;
  for (let i = from; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    if (d.severity === 'error' && d.code !== undefined && MISSING_CONTENT_CODES.has(d.code)) d.severity = 'warning';
  }
}

export interface FlowContentRefs {
  templates: { key: string; channel: 'email' | 'sms' }[];
  forms: string[];
  files: string[];
}

/** The template keys, form keys and attachment names a flow refers to, each once, in document order. */
export function contentOf(flow: Flow): FlowContentRefs {
  const templates = new Map<string, 'email' | 'sms'>();
  const forms = new Set<string>();
  const files = new Set<string>();
  for (const setting of flow.settings) {
    if (setting.kind === 'trigger' && setting.trigger.kind === 'form_submitted') forms.add(setting.trigger.form);
    if (setting.kind === 'success') for (const c of setting.criteria) if (c.kind === 'form_submitted') forms.add(c.form);
  }
  forEachStep(flow.steps, (step: Step) => {
    if (step.kind === 'send_email') {
      templates.set(step.template, 'email');
      for (const file of step.attachments) files.add(file);
    } else if (step.kind === 'notify_email' && step.template !== undefined) templates.set(step.template, 'email');
    else if (step.kind === 'send_sms' && step.message.kind === 'template') templates.set(step.message.template, 'sms');
    else if (step.kind === 'wait_for' && step.event.kind === 'form_submitted') forms.add(step.event.form);
  });
  return { templates: [...templates].map(([key, channel]) => ({ key, channel })), forms: [...forms], files: [...files] };
}

/**
 * A copy of a one-flow program named `name` whose steps all get new ids (none the original used);
 * references to a step (`wait for click in step x`) follow their step.
 */
export function copyFlowProgram(program: Program, name: string): Program {
  const copy = structuredClone(program);
  const flow = copy.declarations[0];
  if (flow?.kind !== 'flow') throw new Error('copyFlowProgram: the program holds no flow');
  flow.name = name;
  const oldIds = stepIdsOf(flow);
  const originals = stepsOf(flow);
  for (const step of originals) delete step.id;
  const renamed = assignStepIds(copy, oldIds);
  const steps = stepsOf(renamed.declarations[0] as Flow);
  const byOld = new Map<string, string>();
  stepsOf(program.declarations[0] as Flow).forEach((step, i) => { if (step.id !== undefined) byOld.set(step.id, steps[i]!.id!); });
  for (const step of steps) {
    if (step.kind === 'wait_for' && step.event.kind !== 'form_submitted' && step.event.step !== undefined) {
      step.event = { ...step.event, step: byOld.get(step.event.step) ?? step.event.step };
    }
  }
  return renamed;
}

function stepsOf(flow: Flow): Step[] {
  return stepsInOrder(flow.steps);
}
