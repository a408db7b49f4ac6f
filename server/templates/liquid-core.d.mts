import type { Liquid } from 'liquidjs';

export declare const LIMITS: { parseLimit: number; renderLimit: number; memoryLimit: number };
export declare const MAX_OUTPUT_CHARS: number;
export declare const DEFAULT_ZONE: string;
export declare function enginesFor(zone: string): { plain: Liquid; escaping: Liquid };
export declare function isPastRenderLimit(error: unknown): boolean;

export type RenderField = 'subject' | 'body';

export declare class RenderFailure extends Error {
  readonly field: RenderField;
  readonly problem: string;
  readonly pastLimit: boolean;
  /** Where liquidjs stopped, when it says. */
  readonly line?: number;
  readonly column?: number;
  constructor(field: RenderField, problem: string, pastLimit: boolean, line?: number, column?: number);
}

export interface RenderSource {
  channel: 'email' | 'sms';
  subject?: string | null;
  body: string;
}

export declare function renderTemplateSync(source: RenderSource, context: Record<string, unknown>, options?: { zone?: string; renderLimit?: number }): { subject: string; body: string };
export declare function renderTextSync(text: string, context: Record<string, unknown>, options?: { zone?: string; escapeHtml?: boolean; renderLimit?: number }): string;
