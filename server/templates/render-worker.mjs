// A render thread (see off-loop-render.ts): renders a template or a text with the full caps and
// answers plain data. Plain JavaScript, loaded as it is from the sources and from dist/.
import { RenderFailure, renderTemplateSync, renderTextSync } from './liquid-core.mjs';

export default function render(task) {
  try {
    const value = task.source
      ? renderTemplateSync(task.source, task.context, { zone: task.zone })
      : renderTextSync(task.text, task.context, { zone: task.zone, escapeHtml: task.escapeHtml });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof RenderFailure) return { ok: false, field: error.field, problem: error.problem, pastLimit: error.pastLimit, line: error.line, column: error.column };
    return { ok: false, field: 'body', problem: String(error?.message ?? error), pastLimit: false };
  }
}
