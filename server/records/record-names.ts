import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';

/** Finds what a record of one kind is called (a person's full name and address, a flow's name), or undefined when there is none. */
export type NameFinder = (em: EntityManager, id: string) => Promise<{ name: string; email?: string | null } | undefined>;

/**
 * Who is behind an id, for a module that shows it but does not own it (a message names its person,
 * workflow or flow): the owning modules register how to find the name of their records.
 */
@Injectable()
export class RecordNames {
  private readonly finders = new Map<string, NameFinder>();

  register(kind: string, finder: NameFinder): void {
    this.finders.set(kind, finder);
  }

  async of(em: EntityManager, kind: string, id: string | null | undefined): Promise<{ id: string; name: string; email?: string | null } | null> {
    if (!id) return null;
    const found = await this.finders.get(kind)?.(em, id);
    return found ? { id, ...found } : null;
  }
}
