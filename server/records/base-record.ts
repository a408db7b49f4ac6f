import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Columns every CRM record has. Ids are bigints, exposed as strings. */
export abstract class BaseRecord {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
