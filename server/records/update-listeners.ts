import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Announcements } from './announcements.js';
import type { Principal } from '../auth/principal.js';

/** One applied update: the record before and after, whether a password was set, and who did it. */
export interface RecordUpdate {
  id: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  passwordChanged: boolean;
  principal?: Principal | undefined;
}

export type UpdateListener = (em: EntityManager, update: RecordUpdate) => Promise<void>;

/**
 * An update can matter to another module, in the same transaction: a changed password or a removed
 * role ends the employee's other sessions. Record services announce updates here; the owning module listens.
 */
@Injectable()
export class UpdateListeners extends Announcements<UpdateListener> {}
