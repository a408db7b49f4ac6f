import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { ReferenceKind } from '@stroom/dsl';

export interface Rename {
  kind: ReferenceKind;
  from: string;
  to: string;
  statusKind?: 'quote_request' | 'opportunity' | 'intake_measure';
}

export type RenameListener = (em: EntityManager, rename: Rename) => Promise<void>;

/**
 * Renaming a name that rules refer to rewrites those references in the same transaction
 * (SPEC §6). Record services announce renames here; the modules that store DSL listen.
 */
@Injectable()
export class RenameListeners {
  private readonly listeners: RenameListener[] = [];

  listen(listener: RenameListener): void {
    this.listeners.push(listener);
  }

  async announce(em: EntityManager, rename: Rename): Promise<void> {
    for (const listener of this.listeners) await listener(em, rename);
  }
}
