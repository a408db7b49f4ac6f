import { Migration } from '@mikro-orm/migrations';

export class Migration20261123205456 extends Migration {

  override name = 'Migration20261123205456';

  override up(): void | Promise<void> {
    this.addSql(`create table "template" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "key" varchar(255) not null, "name" varchar(255) not null, "channel" varchar(255) not null, "subject" text null, "body" text not null);`);
    this.addSql(`alter table "template" add constraint "template_key_unique" unique ("key");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "template" cascade;`);
  }

}
