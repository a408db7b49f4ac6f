import { Migration } from '@mikro-orm/migrations';

export class Migration20261123202116 extends Migration {

  override name = 'Migration20261123202116';

  override up(): void | Promise<void> {
    this.addSql(`create table "form" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "key" varchar(255) not null, "name" varchar(255) not null);`);
    this.addSql(`alter table "form" add constraint "form_key_unique" unique ("key");`);

    this.addSql(`create table "stored_file" ("id" bigserial primary key, "name" varchar(255) not null, "type" varchar(255) not null, "size" int not null, "content" bytea not null, "created_at" timestamptz not null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "form" cascade;`);
    this.addSql(`drop table if exists "stored_file" cascade;`);
  }

}
