import type { StatusKind } from '@stroom/dsl';
import type { TaskWorkflowKind } from './settings-dsl.js';

/** The workflow a per-status or per-task-type form writes is found by its setting key (by record id). */
export const statusSettingKey = (kind: StatusKind, id: string) => `${kind}_status:${id}`;
export const taskSettingKey = (id: string, which: TaskWorkflowKind) => `task_type:${id}:${which}`;

export type SettingLink = { kind: 'status'; statusKind: StatusKind; id: string } | { kind: 'task_type'; id: string; which: TaskWorkflowKind };

export function parseSettingKey(key: string): SettingLink | undefined {
  const task = /^task_type:(\d+):(new|expired|completed)$/.exec(key);
  if (task) return { kind: 'task_type', id: task[1]!, which: task[2] as TaskWorkflowKind };
  const status = /^(quote_request|opportunity|intake_measure)_status:(\d+)$/.exec(key);
  if (status) return { kind: 'status', statusKind: status[1] as StatusKind, id: status[2]! };
  return undefined;
}
