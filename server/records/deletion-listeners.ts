import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Announcements } from './announcements.js';

export type DeletionListener = (em: EntityManager, id: string) => Promise<void>;

/**
 * Deleting a record can take rows of other modules with it, in the same transaction: a person's
 * participations, messages and tracking tokens. Record services announce deletions
 * here; the modules that own those rows listen, so no module reaches into another's tables.
 */
@Injectable()
export class DeletionListeners extends Announcements<DeletionListener> {}
