import { Migration } from '@mikro-orm/migrations';

export class Migration20261202025919 extends Migration {

  override name = 'Migration20261202025919';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null, "actor" varchar(255) not null, "actor_name" varchar(255) not null, "subject" varchar(255) not null, "subject_id" varchar(255) not null, "subject_name" varchar(255) not null, "action" varchar(255) not null, "before" jsonb null, "after" jsonb null);`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_subject_subject_id_at_index" on "audit_entry" ("subject", "subject_id", "at");`);

    this.addSql(`create table "login_failure" ("email" varchar(255) not null, "failures" int not null, "last_at" timestamptz not null, "locked_until" timestamptz null, primary key ("email"));`);

    this.addSql(`create table "login_rate_window" ("address" varchar(255) not null, "window_start" timestamptz not null, "attempts" int not null, primary key ("address"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop table if exists "login_failure" cascade;`);
    this.addSql(`drop table if exists "login_rate_window" cascade;`);
  }

}
