import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { NotFoundError } from '../common/errors.js';
import { RenameListeners } from '../records/rename-listeners.js';
import { parseSettingKey, type SettingLink } from '../workflows/setting-keys.js';
import { Template } from './template.entity.js';
import { RECORD_ID } from '../common/validation.js';

export interface TemplateUsageJson {
  /** Workflows naming the template; `setting` when a per-status or per-task-type form wrote the workflow. */
  workflows: { id: string; name: string; setting?: SettingLink }[];
  flows: { id: string; name: string }[];
}

/** Where a template is used: the workflows (status and task-type settings among them) and flows that name its key. */
@Injectable()
export class TemplateUsage {
  constructor(
    private readonly em: EntityManager,
    private readonly renames: RenameListeners,
  ) {}

  async of(id: string): Promise<TemplateUsageJson> {
    const em = this.em.fork();
    const template = RECORD_ID.test(id) ? await em.findOne(Template, { id }, { fields: ['key'] }) : null;
    if (!template) throw new NotFoundError(`No template with id ${JSON.stringify(id)}`, { code: 'record.not_found', params: { entity: 'template', id } });
    const usages = await this.renames.usages(em, { kind: 'template', from: template.key });
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');
    return {
      workflows: usages.filter((u) => u.kind === 'workflow').map((u) => {
        const setting = u.settingKey ? parseSettingKey(u.settingKey) : undefined;
        return { id: u.id, name: u.name, ...(setting ? { setting } : {}) };
      }).sort(byName),
      flows: usages.filter((u) => u.kind === 'flow').map((u) => ({ id: u.id, name: u.name })).sort(byName),
    };
  }
}
