import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Status } from '../crm/statuses/status.entity.js';
import { TaskType } from '../crm/tasks/task-type.entity.js';
import { Flow } from '../flows/flow.entity.js';
import { Template } from '../templates/template.entity.js';
import { parseSettingKey } from '../workflows/setting-keys.js';
import { Workflow } from '../workflows/workflow.entity.js';
import type { Bundle, BundleSetting } from './bundle.js';

/** Reads everything an export holds, in a stable order (so that two exports diff cleanly in git). */
@Injectable()
export class Exporter {
  constructor(private readonly em: EntityManager) {}

  async bundle(): Promise<Bundle> {
    const em = this.em.fork();
    const [statuses, taskTypes, templates, workflows, flows] = await Promise.all([
      em.find(Status, {}, { orderBy: { kind: 'asc', position: 'asc', name: 'asc' } }),
      em.find(TaskType, {}, { orderBy: { name: 'asc' } }),
      em.find(Template, {}, { orderBy: { key: 'asc' } }),
      em.find(Workflow, {}, { orderBy: { name: 'asc' } }),
      em.find(Flow, {}, { orderBy: { name: 'asc' } }),
    ]);
    const statusName = new Map(statuses.map((s) => [String(s.id), s.name]));
    const taskTypeName = new Map(taskTypes.map((t) => [String(t.id), t.name]));
    const settingOf = (key: string | null | undefined): BundleSetting | undefined => {
      const link = key ? parseSettingKey(key) : undefined;
      if (link?.kind === 'status' && statusName.has(link.id)) return { kind: 'status', statusKind: link.statusKind, status: statusName.get(link.id)! };
      if (link?.kind === 'task_type' && taskTypeName.has(link.id)) return { kind: 'task_type', taskType: taskTypeName.get(link.id)!, which: link.which };
      return undefined;
    };
    return {
      statuses: statuses.map((s) => ({ kind: s.kind, name: s.name, position: s.position, active: s.active })),
      taskTypes: taskTypes.map((t) => ({ name: t.name })),
      templates: templates.map((t) => ({ key: t.key, name: t.name, channel: t.channel, format: t.format, subject: t.subject ?? null, body: t.body })),
      workflows: workflows.map((w) => {
        const setting = settingOf(w.settingKey);
        return { name: w.name, source: w.source, ...(setting ? { setting } : {}) };
      }),
      flows: flows.map((f) => ({ name: f.name, source: f.source })),
    };
  }
}
