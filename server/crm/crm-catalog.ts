import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { StatusKind } from '@stroom/dsl';
import { CatalogLoader } from '../language/catalog-loader.js';
import { Employee } from './employees/employee.entity.js';
import { Group } from './employees/group.entity.js';
import { Project } from './lists/project.entity.js';
import { Selection } from './lists/selection.entity.js';
import { Status } from './statuses/status.entity.js';
import { TaskType } from './tasks/task-type.entity.js';

/** The CRM's names in the DSL checker's catalog: selections, projects, task types, groups, employees, statuses. */
@Injectable()
export class CrmCatalog implements OnModuleInit {
  constructor(private readonly catalogs: CatalogLoader) {}

  onModuleInit(): void {
    this.catalogs.register(async (em) => {
      const [selections, projects, taskTypes, groups, employees, statuses] = await Promise.all([
        em.find(Selection, {}, { fields: ['name'] }),
        em.find(Project, {}, { fields: ['name'] }),
        em.find(TaskType, {}, { fields: ['name'] }),
        em.find(Group, {}, { fields: ['name'] }),
        em.find(Employee, {}, { fields: ['email'] }),
        em.find(Status, {}, { fields: ['kind', 'name'], orderBy: { position: 'asc' } }),
      ]);
      const byKind: Partial<Record<StatusKind, string[]>> = {};
      for (const status of statuses) (byKind[status.kind] ??= []).push(status.name);
      return {
        selections: selections.map((s) => s.name),
        projects: projects.map((p) => p.name),
        taskTypes: taskTypes.map((t) => t.name),
        groups: groups.map((g) => g.name),
        employees: employees.map((e) => e.email),
        statuses: byKind,
      };
    });
  }
}
