import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { InMemoryCatalog, type Catalog, type StatusKind } from '@stroom/dsl';
import { Employee } from '../crm/employees/employee.entity.js';
import { Group } from '../crm/employees/group.entity.js';
import { Project } from '../crm/lists/project.entity.js';
import { Selection } from '../crm/lists/selection.entity.js';
import { Status } from '../crm/statuses/status.entity.js';
import { TaskType } from '../crm/tasks/task-type.entity.js';
import { FilesService } from '../files/files.service.js';
import { Form } from '../forms/form.entity.js';
import { Flow } from '../flows/flow.entity.js';
import { Template } from '../templates/template.entity.js';
import { variablesOf } from '../templates/template-engine.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';

/** Names an import is about to add: the catalog checks its rules as if they were there. */
export interface CatalogAdditions {
  templates?: readonly { key: string; channel: 'email' | 'sms'; subject?: string | null; body: string }[];
  taskTypes?: readonly { name: string }[];
  statuses?: readonly { kind: StatusKind; name: string }[];
}

/**
 * The DSL checker's view of the database: the names rules may refer to. Loaded per check (cheap
 * name lists).
 */
@Injectable()
export class CatalogLoader {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly files: FilesService,
  ) {}

  /** From the given transaction (to check sources against rows it wrote), or a fresh context; with `additions` as if they were stored. */
  async load(em: EntityManager = this.em.fork(), additions: CatalogAdditions = {}): Promise<Catalog> {
    const [templates, selections, projects, forms, taskTypes, groups, employees, statuses, flows, files] = await Promise.all([
      em.find(Template, {}, { fields: ['key', 'channel', 'subject', 'body'] }),
      em.find(Selection, {}, { fields: ['name'] }),
      em.find(Project, {}, { fields: ['name'] }),
      em.find(Form, {}, { fields: ['key'] }),
      em.find(TaskType, {}, { fields: ['name'] }),
      em.find(Group, {}, { fields: ['name'] }),
      em.find(Employee, {}, { fields: ['email'] }),
      em.find(Status, {}, { fields: ['kind', 'name'], orderBy: { position: 'asc' } }),
      em.find(Flow, {}, { fields: ['name'] }),
      this.files.namesAndSizes(em),
    ]);
    const byKind: Partial<Record<StatusKind, string[]>> = {};
    for (const status of [...statuses, ...(additions.statuses ?? [])]) (byKind[status.kind] ??= []).push(status.name);
    const added = new Set((additions.templates ?? []).map((t) => t.key));
    return new InMemoryCatalog({
      templates: [...templates.filter((t) => !added.has(t.key)), ...(additions.templates ?? [])].map((t) => ({ key: t.key, channel: t.channel, variables: [...new Set([...variablesOf(t.subject ?? ''), ...variablesOf(t.body)])] })),
      selections: selections.map((s) => s.name),
      projects: projects.map((p) => p.name),
      forms: forms.map((f) => f.key),
      taskTypes: [...taskTypes, ...(additions.taskTypes ?? [])].map((t) => t.name),
      groups: groups.map((g) => g.name),
      employees: employees.map((e) => e.email),
      statuses: byKind,
      flows: flows.map((f) => f.name),
      secrets: Object.keys(this.config.webhookSecrets),
      files,
    });
  }
}
