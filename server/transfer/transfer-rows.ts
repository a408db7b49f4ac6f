import type { StatusKind } from '@stroom/dsl';
import type { BaseRecord } from '../records/base-record.js';
import { recordServiceToken } from '../records/record-controller.js';
import type { Resource } from '../records/resource.js';

/** The injection token of a record resource's service (statuses, task types, templates). */
export const recordsToken = (resource: unknown) => recordServiceToken(resource as Resource<BaseRecord>);

/** What a transfer reads of a status, a task type and a template (the owners' rows, as stored). */
export interface StatusRow { id: string; kind: StatusKind; name: string; position: number; active: boolean }
export interface TaskTypeRow { id: string; name: string }
export interface TemplateRow { id: string; key: string; name: string; channel: 'email' | 'sms'; format: 'html' | 'mjml'; subject?: string | null; body: string }
