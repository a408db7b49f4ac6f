import { Migration } from '@mikro-orm/migrations';

export class Migration20261123201807 extends Migration {

  override name = 'Migration20261123201807';

  override up(): void | Promise<void> {
    this.addSql(`create table "message" ("id" bigserial primary key, "channel" varchar(255) not null, "key" varchar(500) not null, "message_id" varchar(500) not null, "to" varchar(255) null, "from" varchar(255) null, "reply_to" varchar(255) null, "subject" text null, "body" text not null, "headers" jsonb not null, "segments" int null, "status" varchar(255) not null default 'queued', "attempts" int not null default 0, "error" text null, "transport" varchar(255) null, "person_id" varchar(255) null, "workflow_id" varchar(255) null, "flow_id" varchar(255) null, "created_at" timestamptz not null, "sent_at" timestamptz null);`);
    this.addSql(`alter table "message" add constraint "message_key_unique" unique ("key");`);
    this.addSql(`create index "message_flow_id_index" on "message" ("flow_id");`);
    this.addSql(`create index "message_workflow_id_index" on "message" ("workflow_id");`);
    this.addSql(`create index "message_status_index" on "message" ("status");`);
    this.addSql(`create index "message_to_index" on "message" ("to");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "message" cascade;`);
  }

}
