import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** An uploaded attachment; its content lives in the database so every instance can read it. */
@Entity({ tableName: 'stored_file' })
export class StoredFile {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'string' })
  type!: string;

  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  /** Set for an image placed in an e-mail: it is served without a login at /img/<token>. */
  @Property({ type: 'string', nullable: true, unique: true })
  publicToken?: string | null;
}
