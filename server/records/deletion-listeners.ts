import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';

export type DeletionListener = (em: EntityManager, id: string) => Promise<void>;

/**
 * Deleting a record can take rows of other modules with it, in the same transaction: a person's
 * participations, messages and tracking tokens (SPEC §6). Record services announce deletions
 * here; the modules that own those rows listen, so no module reaches into another's tables.
 */
@Injectable()
export class DeletionListeners {
  private readonly listeners = new Map<string, DeletionListener[]>();

  /** `resource` is the record's snake_case name, e.g. `person`. */
  listen(resource: string, listener: DeletionListener): void {
    this.listeners.set(resource, [...(this.listeners.get(resource) ?? []), listener]);
  }

  async announce(em: EntityManager, resource: string, id: string): Promise<void> {
    for (const listener of this.listeners.get(resource) ?? []) await listener(em, id);
  }
}
