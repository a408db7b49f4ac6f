import { Migration } from '@mikro-orm/migrations';

export class Migration20261123220653 extends Migration {

  override name = 'Migration20261123220653';

  override up(): void | Promise<void> {
    this.addSql(`create table "flow_refusal" ("id" bigserial primary key, "flow_id" bigint not null, "person_id" varchar(255) not null, "reason" varchar(255) not null, "at" timestamptz not null);`);
    this.addSql(`create index "flow_refusal_flow_id_reason_index" on "flow_refusal" ("flow_id", "reason");`);

    this.addSql(`create table "participant" ("id" bigserial primary key, "flow_id" bigint not null, "person_id" bigint not null, "status" varchar(255) not null default 'active', "step_id" varchar(255) null, "reason" varchar(255) null, "enrolled_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "participant_person_id_index" on "participant" ("person_id");`);
    this.addSql(`create unique index "participant_live_unique" on "participant" ("flow_id", "person_id") where "status" in ('queued', 'active');`);
    this.addSql(`create index "participant_flow_id_status_index" on "participant" ("flow_id", "status");`);

    this.addSql(`alter table "flow_refusal" add constraint "flow_refusal_flow_id_foreign" foreign key ("flow_id") references "flow" ("id") on delete cascade;`);

    this.addSql(`alter table "participant" add constraint "participant_flow_id_foreign" foreign key ("flow_id") references "flow" ("id") on delete cascade;`);
    this.addSql(`alter table "participant" add constraint "participant_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "flow_refusal" cascade;`);
    this.addSql(`drop table if exists "participant" cascade;`);
  }

}
