import type { TranslocoService } from '@jsverse/transloco';
import type { ApiSchema } from '../../core/api-schema';
import { plural } from '../../i18n/dictionary';
import { localeOf } from './locale-format';

/** A step of the diagram as the server sends it. */
export type GraphNode = ApiSchema<'FlowStepGraph'>['nodes'][number];

/** The most telling setting of a step, for its box, in the chosen language (names and keys stay as written). */
export function stepDetail(node: GraphNode, transloco: TranslocoService, lang: string): string {
  const s = node.settings as Record<string, any>;
  const t = (key: string, params?: Record<string, unknown>) => transloco.translate(`mobile.diagram.${key}`, params);
  switch (node.kind) {
    case 'send_email': return `"${s['template']}"`;
    case 'notify_email': return `"${s['template'] ?? s['subject']}"`;
    case 'wait': return t(plural(`units.${s['duration']?.unit}`, s['duration']?.amount), { n: s['duration']?.amount });
    case 'wait_until': {
      const at = new Date(String(s['until']));
      return Number.isNaN(at.getTime()) ? String(s['until']) : at.toLocaleString(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' });
    }
    case 'wait_for': return t(`events.${s['event']?.kind}`);
    case 'split': return `"${s['name']}"`;
    case 'membership': return `${t(`change.${s['change']}`)} ${t(`target.${s['target']}`)} "${s['name']}"`;
    default: return typeof s['title'] === 'string' ? `"${s['title']}"` : '';
  }
}

/**
 * The lines of the stored source that make up a step: its labelled line and everything indented
 * deeper below it (a split's branches). The stored source labels every step, so this always finds it.
 */
export function stepSource(source: string, stepId: string): string {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.trimStart().startsWith(`${stepId}:`));
  if (start < 0) return '';
  const indent = (line: string) => line.length - line.trimStart().length;
  const own = indent(lines[start]!);
  let end = start + 1;
  while (end < lines.length && (lines[end]!.trim() === '' || indent(lines[end]!) > own)) end++;
  // A block's closing brace sits at the step's own indentation: part of the step.
  if (end < lines.length && lines[end]!.trim() === '}' && indent(lines[end]!) === own && lines[start]!.trimEnd().endsWith('{')) end++;
  return lines.slice(start, end).map((line) => line.slice(Math.min(own, indent(line)))).join('\n').trimEnd();
}
