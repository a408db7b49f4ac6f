import type { EntityClass, EntityManager } from '@mikro-orm/core';
import type { Principal } from '../../auth/principal.js';
import { actorOf } from '../../auth/principal.js';
import type { Clock } from '../../clock/clock.js';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import type { PagingQuery } from '../../common/paging.js';
import type { ChangeRecorder } from '../../events/change-recorder.js';
import { Person } from '../persons/person.entity.js';
import type { RecordService } from '../../records/record.service.js';
import { toRecordJson } from '../../records/record-json.js';
import { persons } from '../persons/persons.resource.js';
import type { BaseRecord } from '../../records/base-record.js';
import type { AddMembersBody } from './members-input.js';
import { RECORD_ID } from '../../common/validation.js';

interface MemberRow {
  person: unknown;
  addedAt: Date;
}

/**
 * Members of a static selection or a project. Adding and removing emit `<list>.added` and
 * `<list>.removed` events in the same transaction.
 */
export class MembersService {
  constructor(
    private readonly lists: RecordService<BaseRecord>,
    private readonly member: EntityClass<MemberRow>,
    private readonly listProperty: 'selection' | 'project',
    private readonly em: EntityManager,
    private readonly recorder: ChangeRecorder,
    private readonly clock: Clock,
  ) {}

  async list(listId: string, { limit, offset }: PagingQuery): Promise<{ items: unknown[]; total: number }> {
    const em = this.em.fork();
    await this.lists.find(em, listId);
    const [rows, total] = await em.findAndCount(this.member, { [this.listProperty]: listId } as never, {
      populate: ['person'] as never,
      orderBy: { person: 'asc' } as never,
      limit,
      offset,
    });
    return {
      items: rows.map((row) => ({ ...toRecordJson(persons, (row.person as { unwrap(): Person }).unwrap()), addedAt: row.addedAt.toISOString() })),
      total,
    };
  }

  async add(listId: string, { personIds }: AddMembersBody, principal?: Principal): Promise<{ added: number; alreadyMembers: number }> {
    const unique = [...new Set(personIds)];
    return this.em.fork().transactional(async (em) => {
      await this.lists.find(em, listId);
      const found = await em.find(Person, { id: { $in: unique } }, { fields: ['id'] });
      const missing = unique.filter((id) => !found.some((p) => String(p.id) === id));
      if (missing.length > 0) throw new BadInputError(`personIds: no person with id ${missing.slice(0, 5).join(', ')}`, { field: 'personIds', missing }, { code: 'person.unknown_ids', params: { field: 'personIds', ids: missing.slice(0, 5) } });
      const existing = await em.find(this.member, { [this.listProperty]: listId, person: { $in: unique } } as never);
      const present = new Set(existing.map((row) => String((row.person as { id: string }).id)));
      const now = this.clock.now();
      let added = 0;
      for (const personId of unique) {
        if (present.has(personId)) continue;
        em.create(this.member, { [this.listProperty]: listId, person: personId, addedAt: now } as never);
        this.recorder.record(em, { entity: this.listProperty, entityId: listId, kind: 'added', data: { person_id: personId }, actor: actorOf(principal) });
        added++;
      }
      return { added, alreadyMembers: unique.length - added };
    });
  }

  async remove(listId: string, personId: string, principal?: Principal): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      await this.lists.find(em, listId);
      if (!RECORD_ID.test(personId)) throw new NotFoundError(`Person ${personId} is not a member`, { code: 'person.not_member', params: { personId } });
      const deleted = await em.nativeDelete(this.member, { [this.listProperty]: listId, person: personId } as never);
      if (deleted === 0) throw new NotFoundError(`Person ${personId} is not a member of ${this.listProperty} ${listId}`, { code: 'person.not_member_of', params: { personId, list: this.listProperty, listId } });
      this.recorder.record(em, { entity: this.listProperty, entityId: listId, kind: 'removed', data: { person_id: personId }, actor: actorOf(principal) });
    });
  }
}
