import { Migration } from '@mikro-orm/migrations';

/** Webhook calls (an outbox of their own), webhook answers on participants, and date-trigger enrolments. */
export class Migration20261205093000ext25 extends Migration {

  override name = 'Migration20261205093000ext25';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhook_call" ("id" bigserial primary key, "key" varchar(255) not null, "person_id" varchar(255) not null, "flow_id" varchar(255) null, "participant_id" varchar(255) null, "step_id" varchar(255) null, "method" varchar(255) not null, "url" text not null, "header_secrets" jsonb not null, "body" text null, "timeout_ms" int not null, "status" varchar(255) not null, "response_status" int null, "attempts" int not null, "error" text null, "created_at" timestamptz not null, "finished_at" timestamptz null);`);
    this.addSql(`alter table "webhook_call" add constraint "webhook_call_key_unique" unique ("key");`);
    this.addSql(`create index "webhook_call_participant_id_index" on "webhook_call" ("participant_id");`);
    this.addSql(`create index "webhook_call_person_id_index" on "webhook_call" ("person_id");`);
    this.addSql(`alter table "participant" add column "webhooks" jsonb not null default '{}';`);
    this.addSql(`create table "flow_date_enrolment" ("id" bigserial primary key, "flow_id" varchar(255) not null, "person_id" varchar(255) not null, "trigger_key" varchar(255) not null, "date_value" varchar(255) not null, "enrolled_on" varchar(255) not null, "at" timestamptz not null);`);
    this.addSql(`alter table "flow_date_enrolment" add constraint "flow_date_enrolment_once" unique ("flow_id", "person_id", "trigger_key", "date_value");`);
    this.addSql(`create index "flow_date_enrolment_person_id_index" on "flow_date_enrolment" ("person_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "flow_date_enrolment";`);
    this.addSql(`alter table "participant" drop column "webhooks";`);
    this.addSql(`drop table if exists "webhook_call";`);
  }

}
