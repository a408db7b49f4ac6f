import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { ENTITIES, type Entity } from '@stroom/dsl';
import { NotFoundError } from '../common/errors.js';
import { RecordFacts } from '../facts/record-facts.js';
import { RenameListeners } from '../records/rename-listeners.js';
import type { PreviewSubject } from './empty-variables.js';
import { sampleContext } from './sample-records.js';
import type { Template } from './template.entity.js';
import type { MergeContext } from './template-engine.js';

/** The record a preview or test send is rendered on: a chosen one, or none (sample data). */
export interface RecordChoice {
  recordType?: Entity;
  recordId?: string;
}

export interface PreviewData {
  context: MergeContext;
  subject: PreviewSubject;
  /** The record kinds of the rules that use the template (`person` for flows), record kinds before `person`. */
  usedWith: Entity[];
  /** The chosen record, or null for sample data. */
  record: { type: Entity; id: string } | null;
  /** The person the rendering is about (a task's contact), for the message's person. */
  personId: string | null;
}

/**
 * The data a template is previewed with. A chosen record is loaded exactly as a workflow sees it
 * when it sends (the record, its person, company and the employees around it); with none chosen,
 * sample data of the record kind the template is used with, so a quote-request workflow's template
 * shows a quote request's status and owner.
 */
@Injectable()
export class PreviewRecords {
  constructor(
    private readonly facts: RecordFacts,
    private readonly renames: RenameListeners,
  ) {}

  async resolve(em: EntityManager, template: Template, choice: RecordChoice, now: Date): Promise<PreviewData> {
    const usedWith = await this.kindsUsing(em, template.key);
    if (choice.recordType && choice.recordId) {
      const loaded = await this.facts.load(em, choice.recordType, choice.recordId);
      if (!loaded[choice.recordType]) throw new NotFoundError(`No ${choice.recordType.replace(/_/g, ' ')} with id ${JSON.stringify(choice.recordId)}`, { code: 'record.not_found', params: { entity: choice.recordType, id: choice.recordId } });
      const person = (loaded.person ?? loaded.contact) as { id?: string } | undefined;
      return {
        context: loaded,
        subject: { kind: choice.recordType, sample: false },
        usedWith,
        record: { type: choice.recordType, id: choice.recordId },
        personId: person?.id ?? null,
      };
    }
    const kind = usedWith[0] ?? 'person';
    return { context: sampleContext(kind, now), subject: { kind, sample: true }, usedWith, record: null, personId: null };
  }

  private async kindsUsing(em: EntityManager, key: string): Promise<Entity[]> {
    const reference = { kind: 'template' as const, from: key };
    const kinds = new Set<Entity>();
    for (const usage of await this.renames.usages(em, reference)) if (usage.about) kinds.add(usage.about as Entity);
    // The record kinds first: a template used by a task workflow and a flow previews with a task (and its person).
    return [...ENTITIES.filter((entity) => entity !== 'person'), 'person' as const].filter((entity) => kinds.has(entity));
  }
}
