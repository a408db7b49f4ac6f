import { Migration } from '@mikro-orm/migrations';

export class Migration20261123210252 extends Migration {

  override name = 'Migration20261123210252';

  override up(): void | Promise<void> {
    this.addSql(`create table "rule_set_version" ("id" int not null default 1, "version" bigint not null default '0', primary key ("id"));`);

    this.addSql(`create table "workflow" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "source" text not null, "active" boolean not null default true, "setting_key" varchar(255) null, "version" int not null default 1);`);
    this.addSql(`alter table "workflow" add constraint "workflow_name_unique" unique ("name");`);
    this.addSql(`alter table "workflow" add constraint "workflow_setting_key_unique" unique ("setting_key");`);

    this.addSql(`create table "workflow_version" ("id" bigserial primary key, "workflow_id" bigint not null, "version" int not null, "source" text not null, "author" varchar(255) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "workflow_version" add constraint "workflow_version_workflow_id_version_unique" unique ("workflow_id", "version");`);

    this.addSql(`alter table "workflow_version" add constraint "workflow_version_workflow_id_foreign" foreign key ("workflow_id") references "workflow" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "workflow_version" drop constraint "workflow_version_workflow_id_foreign";`);

    this.addSql(`drop table if exists "rule_set_version" cascade;`);
    this.addSql(`drop table if exists "workflow" cascade;`);
    this.addSql(`drop table if exists "workflow_version" cascade;`);
  }

}
