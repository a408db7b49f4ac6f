import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Project, ProjectMember } from './project.entity.js';
import { Selection, SelectionMember } from './selection.entity.js';
import { ChangeRecorder } from '../../events/change-recorder.js';

const LISTS = {
  selection: { list: Selection, member: SelectionMember },
  project: { list: Project, member: ProjectMember },
} as const;

/** Adding a person to, or removing it from, a static selection or project by its name (a flow's step), with the `<list>.added/removed` event. */
@Injectable()
export class Memberships {
  constructor(private readonly recorder: ChangeRecorder) {}

  /** The id of the selection or project with this name, undefined when there is none. */
  async listId(em: EntityManager, target: 'selection' | 'project', name: string): Promise<string | undefined> {
    const list = await em.findOne(LISTS[target].list as typeof Selection, { name });
    return list ? String(list.id) : undefined;
  }

  /** Whether the person is a member of the selection or project with this id. */
  async isMember(em: EntityManager, target: 'selection' | 'project', listId: string, personId: string): Promise<boolean> {
    return (await em.count(LISTS[target].member as typeof SelectionMember, { [target]: listId, person: personId } as never)) > 0;
  }

  async change(em: EntityManager, change: 'add' | 'remove', target: 'selection' | 'project', name: string, personId: string, now: Date): Promise<void> {
    const { list: List, member: Member } = LISTS[target];
    const list = await em.findOne(List as typeof Selection, { name });
    // Lists in use cannot be deleted or renamed away: this only happens to data edited behind the API.
    if (!list) throw new Error(`${target} "${name}" no longer exists`);
    const where = { [target]: list.id, person: personId } as never;
    const present = await this.isMember(em, target, String(list.id), personId);
    if (change === 'add' && !present) em.create(Member as typeof SelectionMember, { [target]: list.id, person: personId, addedAt: now } as never);
    else if (change === 'remove' && present) await em.nativeDelete(Member as typeof SelectionMember, where);
    else return;
    this.recorder.record(em, { entity: target, entityId: String(list.id), kind: change === 'add' ? 'added' : 'removed', data: { person_id: personId }, actor: 'flow' });
  }
}
