import type { OnModuleInit } from '@nestjs/common';
import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import type { AuditLog } from '../audit/audit-log.js';
import { actorOf, type Principal } from '../auth/principal.js';
import type { Clock } from '../clock/clock.js';
import type { RecordNames } from '../records/record-names.js';
import type { RenameListeners, Rename, RuleUsage } from '../records/rename-listeners.js';
import { assertDocumentNameFree, documentVersions, findDocument } from './dsl-documents.js';
import { documentsUsing, renameAuthor, rewriteDocuments } from './dsl-references.js';
import { RECORD_ID } from '../common/validation.js';

/** A stored DSL document (a workflow, a flow): a unique name, its canonical source and its version number. */
export interface StoredDocument {
  id: string;
  name: string;
  source: string;
  version: number;
  updatedAt: Date;
}

/** What a kind of document tells the shared part: its tables, what the audit log keeps, and whom to tell of a change. */
export interface DocumentKind<D extends StoredDocument> {
  /** `workflow` or `flow`: in messages, the audit log and usages. */
  name: 'workflow' | 'flow';
  entity: EntityClass<D>;
  /** The table of saved versions, and its column that points at the document. */
  versions: { entity: EntityClass<object>; owner: string };
  /** What the audit log keeps of a document before and after a change. */
  audited(document: D): Record<string, unknown>;
  /** Tells every instance the documents changed (the rule index, the flow trigger index), in the same transaction. */
  announce(em: EntityManager): Promise<void>;
  /** What a usage of a name says of a document beside its kind, id and name. */
  usage?(document: D): Partial<RuleUsage>;
}

/**
 * The versioned DSL document that workflows and flows share: found by id (404), names unique per
 * kind (409), every saved source kept as a version with its author, every change audited and
 * announced in its transaction, and renames of what a document names (a template, a status, a
 * selection, …) written into it as a new version. Each kind plugs in with a `DocumentKind`.
 */
export class VersionedDocuments<D extends StoredDocument> implements OnModuleInit {
  constructor(
    private readonly kind: DocumentKind<D>,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly renames: RenameListeners,
    private readonly names: RecordNames,
  ) {}

  onModuleInit(): void {
    this.renames.listen((em, rename) => this.rewrite(em, rename), (em, reference) => this.usages(em, reference));
    this.names.register(this.kind.name, async (em, id) => {
      const found = RECORD_ID.test(id) ? await em.findOne(this.kind.entity, { id } as FilterQuery<D>) : null;
      return found ? { name: found.name } : undefined;
    });
  }

  find(em: EntityManager, id: string): Promise<D> {
    return findDocument(em, this.kind.entity, this.kind.name, id);
  }

  assertNameFree(em: EntityManager, name: string): Promise<void> {
    return assertDocumentNameFree(em, this.kind.entity, this.kind.name, name);
  }

  /** Every document of this kind, by name (only `fields` when given): for an export or an import's plan. */
  all(em: EntityManager, fields?: readonly (keyof D & string)[]): Promise<D[]> {
    return em.find(this.kind.entity, {}, { orderBy: { name: 'asc' } as never, ...(fields ? { fields: [...fields] as never } : {}) }) as Promise<D[]>;
  }

  /** Every saved source of the document, newest first. */
  async versions(em: EntityManager, id: string) {
    const document = await this.find(em, id);
    return documentVersions(em, this.kind.versions.entity as EntityClass<{ version: number; source: string; author: string; createdAt: Date }>, { [this.kind.versions.owner]: document } as FilterQuery<never>);
  }

  /** A new document (version 1, its fields set by the caller), stored, its first version kept, audited and announced. */
  async created(em: EntityManager, fields: Omit<D, 'id' | 'version' | 'createdAt' | 'updatedAt'>, principal: Principal | undefined): Promise<D> {
    const now = this.clock.now();
    const document = em.create(this.kind.entity, { ...fields, version: 1, createdAt: now, updatedAt: now } as never) as D;
    await em.flush();
    this.keepVersion(em, document, actorOf(principal), now);
    this.audit.record(em, { subject: this.kind.name, subjectId: String(document.id), subjectName: document.name, before: null, after: this.kind.audited(document), principal });
    await this.kind.announce(em);
    return document;
  }

  /**
   * The document gets a new source (and name): `change` sets what else the kind keeps; the source is
   * kept as the next version, the change audited (before → after) and announced.
   */
  async revised(em: EntityManager, document: D, saved: { name: string; source: string }, principal: Principal | undefined, change?: (document: D) => void): Promise<void> {
    const now = this.clock.now();
    const before = this.kind.audited(document);
    document.name = saved.name;
    document.source = saved.source;
    change?.(document);
    this.bump(em, document, actorOf(principal), now);
    this.audit.record(em, { subject: this.kind.name, subjectId: String(document.id), subjectName: document.name, before, after: this.kind.audited(document), principal });
    await this.kind.announce(em);
  }

  /** The document deleted (its versions go with it), audited and announced. */
  async removed(em: EntityManager, document: D, principal: Principal | undefined): Promise<void> {
    this.audit.record(em, { subject: this.kind.name, subjectId: String(document.id), subjectName: document.name, before: this.kind.audited(document), after: null, principal });
    em.remove(document);
    await this.kind.announce(em);
  }

  /** The documents that name what is about to be renamed or deleted. */
  async usages(em: EntityManager, reference: Omit<Rename, 'to'>): Promise<RuleUsage[]> {
    return (await documentsUsing(em, this.kind.entity, reference)).map((document) => ({
      kind: this.kind.name, id: String(document.id), name: document.name, ...this.kind.usage?.(document),
    }));
  }

  /** Writes a rename into every document that names it, a new version each. */
  async rewrite(em: EntityManager, rename: Rename): Promise<void> {
    const now = this.clock.now();
    const count = await rewriteDocuments(em, this.kind.entity, rename, (document, source) => {
      document.source = source;
      this.bump(em, document, renameAuthor(rename), now);
    });
    if (count > 0) await this.kind.announce(em);
  }

  private bump(em: EntityManager, document: D, author: string, now: Date): void {
    document.version += 1;
    document.updatedAt = now;
    this.keepVersion(em, document, author, now);
  }

  private keepVersion(em: EntityManager, document: D, author: string, now: Date): void {
    em.create(this.kind.versions.entity, { [this.kind.versions.owner]: document, version: document.version, source: document.source, author, createdAt: now } as never);
  }
}
