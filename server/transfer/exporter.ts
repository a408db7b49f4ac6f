import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { statuses as statusResource } from '../crm/statuses/statuses.resource.js';
import { taskTypes as taskTypeResource } from '../crm/tasks/tasks.resource.js';
import { FlowQueries } from '../flows/flow-queries.js';
import type { BaseRecord } from '../records/base-record.js';
import { recordServiceToken } from '../records/record-controller.js';
import type { RecordService } from '../records/record.service.js';
import { templates as templateResource } from '../templates/templates.resource.js';
import { parseSettingKey } from '../workflows/setting-keys.js';
import { WorkflowsService } from '../workflows/workflows.service.js';
import type { Bundle, BundleSetting } from './bundle.js';
import type { StatusRow, TaskTypeRow, TemplateRow } from './transfer-rows.js';

/** Reads everything an export holds, in a stable order (so that two exports diff cleanly in git), through the owning modules. */
@Injectable()
export class Exporter {
  constructor(
    private readonly em: EntityManager,
    private readonly workflowDocuments: WorkflowsService,
    private readonly flowDocuments: FlowQueries,
    @Inject(recordServiceToken(statusResource)) private readonly statusRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(taskTypeResource)) private readonly taskTypeRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(templateResource)) private readonly templateRecords: RecordService<BaseRecord>,
  ) {}

  async bundle(): Promise<Bundle> {
    const em = this.em.fork();
    const [statuses, taskTypes, templates, workflows, flows] = await Promise.all([
      this.statusRecords.rows(em, {}, { orderBy: { kind: 'asc', position: 'asc', name: 'asc' } }) as unknown as Promise<StatusRow[]>,
      this.taskTypeRecords.rows(em, {}, { orderBy: { name: 'asc' } }) as unknown as Promise<TaskTypeRow[]>,
      this.templateRecords.rows(em, {}, { orderBy: { key: 'asc' } }) as unknown as Promise<TemplateRow[]>,
      this.workflowDocuments.all(em),
      this.flowDocuments.all(em),
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
