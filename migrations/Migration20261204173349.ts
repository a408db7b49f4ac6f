import { Migration } from '@mikro-orm/migrations';

export class Migration20261204173349 extends Migration {

  override name = 'Migration20261204173349';

  override up(): void | Promise<void> {
    this.addSql(`create table "delivery_attempt" ("id" bigserial primary key, "message_id" bigint not null, "at" timestamptz not null, "outcome" varchar(255) not null, "error" text null, "transport" varchar(255) null);`);
    this.addSql(`create index "delivery_attempt_message_id_at_index" on "delivery_attempt" ("message_id", "at");`);

    this.addSql(`alter table "delivery_attempt" add constraint "delivery_attempt_message_id_foreign" foreign key ("message_id") references "message" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "delivery_attempt" cascade;`);
  }

}
