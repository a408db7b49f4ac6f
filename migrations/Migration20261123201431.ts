import { Migration } from '@mikro-orm/migrations';

export class Migration20261123201431 extends Migration {

  override name = 'Migration20261123201431';

  override up(): void | Promise<void> {
    this.addSql(`create table "clock_state" ("id" int not null default 1, "now" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "job" ("id" bigserial primary key, "kind" varchar(255) not null, "payload" jsonb not null, "due_at" timestamptz not null, "status" varchar(255) not null default 'pending', "cancel_key" varchar(255) null, "attempts" int not null default 0, "max_attempts" int not null default 5, "last_error" text null, "created_at" timestamptz not null, "finished_at" timestamptz null);`);
    this.addSql(`create index "job_cancel_key" on "job" ("cancel_key" text_pattern_ops) where "status" = 'pending';`);
    this.addSql(`create index "job_pending_due" on "job" ("due_at", "id") where "status" = 'pending';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "clock_state" cascade;`);
    this.addSql(`drop table if exists "job" cascade;`);
  }

}
