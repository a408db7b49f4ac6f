import { Migration } from '@mikro-orm/migrations';

export class Migration20261123223510 extends Migration {

  override name = 'Migration20261123223510';

  override up(): void | Promise<void> {
    this.addSql(`create table "tracking_token" ("token" varchar(32) not null, "kind" varchar(255) not null, "url" text null, "person_id" varchar(255) not null, "flow_id" varchar(255) null, "participant_id" varchar(255) null, "step_id" varchar(255) null, "message_key" varchar(500) not null, "used_at" timestamptz null, "created_at" timestamptz not null, primary key ("token"));`);
    this.addSql(`create index "tracking_token_participant_id_step_id_index" on "tracking_token" ("participant_id", "step_id");`);

    this.addSql(`alter table "message" add "participant_id" varchar(255) null, add "step_id" varchar(255) null, add "attachments" jsonb not null default '[]';`);
    this.addSql(`create index "message_participant_id_index" on "message" ("participant_id");`);

    this.addSql(`alter table "participant" add "seq" int not null default 0, add "visits" int not null default 0, add "wait_until" timestamptz null, add "waiting_for" jsonb null, add "success_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "tracking_token" cascade;`);

    this.addSql(`drop index "message_participant_id_index";`);
    this.addSql(`alter table "message" drop column "participant_id", drop column "step_id", drop column "attachments";`);

    this.addSql(`alter table "participant" drop column "seq", drop column "visits", drop column "wait_until", drop column "waiting_for", drop column "success_at";`);
  }

}
