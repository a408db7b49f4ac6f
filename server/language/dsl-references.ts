import type { EntityClass, EntityManager } from '@mikro-orm/core';
import { renameReferences } from '@stroom/dsl';
import { containsPattern } from '../common/like.js';
import type { Rename } from '../records/rename-listeners.js';

/** A stored DSL document: a workflow or a flow. */
export interface DslDocument {
  name: string;
  source: string;
}

function rewritten(source: string, rename: Rename): { source: string; changed: number } {
  return renameReferences(source, rename.kind, rename.from, rename.to, rename.statusKind ? { statusKind: rename.statusKind } : {});
}

/** The documents of one table that refer to a name (a cheap LIKE first, then the parser decides). */
export async function documentsUsing<D extends DslDocument>(em: EntityManager, entity: EntityClass<D>, reference: Omit<Rename, 'to'>): Promise<D[]> {
  const candidates = await em.find(entity, { source: { $like: containsPattern(reference.from) } } as never);
  return candidates.filter((row) => rewritten(row.source, { ...reference, to: `${reference.from}\u0001` }).changed > 0);
}

/** Rewrites every document of one table that refers to the renamed name; calls `onRewritten` for each. */
export async function rewriteDocuments<D extends DslDocument>(em: EntityManager, entity: EntityClass<D>, rename: Rename, onRewritten: (row: D, source: string) => void): Promise<number> {
  const candidates = await em.find(entity, { source: { $like: containsPattern(rename.from) } } as never);
  let count = 0;
  for (const row of candidates) {
    const result = rewritten(row.source, rename);
    if (result.changed === 0) continue;
    onRewritten(row, result.source);
    count++;
  }
  return count;
}

export function renameAuthor(rename: Rename): string {
  return `rename: ${rename.kind} "${rename.from}" → "${rename.to}"`;
}
