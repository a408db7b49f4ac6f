import { Migration } from '@mikro-orm/migrations';

export class Migration20261123212742 extends Migration {

  override name = 'Migration20261123212742';

  override up(): void | Promise<void> {
    this.addSql(`create table "flow" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "source" text not null, "status" varchar(255) not null default 'not_running', "version" int not null default 1, "used_step_ids" jsonb not null);`);
    this.addSql(`alter table "flow" add constraint "flow_name_unique" unique ("name");`);

    this.addSql(`create table "flow_version" ("id" bigserial primary key, "flow_id" bigint not null, "version" int not null, "source" text not null, "author" varchar(255) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "flow_version" add constraint "flow_version_flow_id_version_unique" unique ("flow_id", "version");`);

    this.addSql(`alter table "flow_version" add constraint "flow_version_flow_id_foreign" foreign key ("flow_id") references "flow" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "flow_version" drop constraint "flow_version_flow_id_foreign";`);

    this.addSql(`drop table if exists "flow" cascade;`);
    this.addSql(`drop table if exists "flow_version" cascade;`);
  }

}
