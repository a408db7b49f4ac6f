// How a flow uses each web form it names: a form that enrols (trigger), one a step waits for, and
// one whose submission counts as the flow's success. The Forms page shows these per form.
import { forEachStep, type Flow, type Step } from './ast.js';

export type FormUse = 'trigger' | 'wait' | 'success';

const ORDER: readonly FormUse[] = ['trigger', 'wait', 'success'];

/** Per form key the flow names, its uses in the order trigger, wait, success (each once). */
export function formUsesOf(flow: Flow): Map<string, FormUse[]> {
  const uses = new Map<string, Set<FormUse>>();
  const add = (form: string, use: FormUse) => { uses.set(form, (uses.get(form) ?? new Set()).add(use)); };
  for (const setting of flow.settings) {
    if (setting.kind === 'trigger' && setting.trigger.kind === 'form_submitted') add(setting.trigger.form, 'trigger');
    if (setting.kind === 'success') for (const c of setting.criteria) if (c.kind === 'form_submitted') add(c.form, 'success');
  }
  forEachStep(flow.steps, (step: Step) => {
    if (step.kind === 'wait_for' && step.event.kind === 'form_submitted') add(step.event.form, 'wait');
  });
  return new Map([...uses].map(([form, set]) => [form, ORDER.filter((use) => set.has(use))]));
}
