import type { StatusKind } from '@stroom/dsl';

/** What a transfer reads of a status, a task type and a template (the owners' rows, as stored). */
export interface StatusRow { id: string; kind: StatusKind; name: string; position: number; active: boolean }
export interface TaskTypeRow { id: string; name: string }
export interface TemplateRow { id: string; key: string; name: string; channel: 'email' | 'sms'; format: 'html' | 'mjml'; subject?: string | null; body: string }
