import { Migration } from '@mikro-orm/migrations';

export class Migration20261204183606 extends Migration {

  override name = 'Migration20261204183606';

  override up(): void | Promise<void> {
    this.addSql(`create table "soft_bounce_streak" ("address" varchar(320) not null, "count" int not null default 0, "updated_at" timestamptz not null, primary key ("address"));`);

    this.addSql(`create table "suppression" ("address" varchar(320) not null, "reason" varchar(255) not null, "created_at" timestamptz not null, primary key ("address"));`);

    this.addSql(`create index "message_message_id_prefix" on "message" ("message_id" varchar_pattern_ops);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "soft_bounce_streak" cascade;`);
    this.addSql(`drop table if exists "suppression" cascade;`);

    this.addSql(`drop index "message_message_id_prefix";`);
  }

}
