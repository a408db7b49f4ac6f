import { Migration } from '@mikro-orm/migrations';

/** The contact policy: a person's time zone, the policy document, marketing messages and what the policy deferred or skipped. */
export class Migration20261205090100_policy extends Migration {

  override name = 'Migration20261205090100_policy';

  override up(): void | Promise<void> {
    this.addSql(`alter table "person" add column "time_zone" varchar(255) null;`);
    this.addSql(`alter table "message" add column "marketing" boolean not null default false, add column "policy_note" text null;`);
    this.addSql(`create index "message_marketing_person" on "message" ("person_id", "created_at") where "marketing";`);
    this.addSql(`create table "contact_policy" ("id" int primary key, "source" text not null, "updated_at" timestamptz not null, "updated_by" varchar(255) null);`);
    this.addSql(`create table "contact_decision" ("id" bigserial primary key, "person_id" varchar(255) not null, "at" timestamptz not null, "channel" varchar(255) not null, "status" varchar(255) not null, "reason" text not null, "until" timestamptz null, "flow_id" varchar(255) null, "participant_id" varchar(255) null, "step_id" varchar(255) null, "message_key" varchar(500) not null);`);
    this.addSql(`create index "contact_decision_person_at" on "contact_decision" ("person_id", "at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table "contact_decision";`);
    this.addSql(`drop table "contact_policy";`);
    this.addSql(`drop index "message_marketing_person";`);
    this.addSql(`alter table "message" drop column "marketing", drop column "policy_note";`);
    this.addSql(`alter table "person" drop column "time_zone";`);
  }

}
