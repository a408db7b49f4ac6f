import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import { ConflictError, NotFoundError } from '../common/errors.js';
import { RECORD_ID } from '../common/validation.js';

/** What workflows and flows share as stored DSL documents: a name unique per kind, and saved versions. */
interface NamedDocument {
  id: string;
  name: string;
}

interface DocumentVersion {
  version: number;
  source: string;
  author: string;
  createdAt: Date;
}

/** The document with this id, or a 404 naming the kind (`No flow with id "7"`). */
export async function findDocument<D extends NamedDocument>(em: EntityManager, entity: EntityClass<D>, kind: string, id: string): Promise<D> {
  const found = RECORD_ID.test(id) ? await em.findOne(entity, { id } as FilterQuery<D>) : null;
  if (!found) throw new NotFoundError(`No ${kind} with id ${JSON.stringify(id)}`, { code: 'record.not_found', params: { entity: kind, id } });
  return found;
}

/** A 409 naming the holder when another document of this kind has the name. */
export async function assertDocumentNameFree<D extends NamedDocument>(em: EntityManager, entity: EntityClass<D>, kind: string, name: string): Promise<void> {
  const clash = await em.findOne(entity, { name } as FilterQuery<D>);
  if (clash) throw new ConflictError(`A ${kind} named "${name}" already exists (id ${clash.id})`, { field: 'name', id: String(clash.id) }, { code: 'record.name_taken', params: { entity: kind, name, id: String(clash.id) } });
}

/** Every saved source of a document, newest first (`GET /api/{workflows|flows}/:id/versions`). */
export async function documentVersions<V extends DocumentVersion>(em: EntityManager, entity: EntityClass<V>, where: FilterQuery<V>) {
  const rows = await em.find(entity, where, { orderBy: { version: 'desc' } as never });
  return { items: rows.map((v) => ({ version: v.version, source: v.source, author: v.author, createdAt: v.createdAt.toISOString() })), total: rows.length };
}
