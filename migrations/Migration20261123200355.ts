import { Migration } from '@mikro-orm/migrations';

export class Migration20261123200355 extends Migration {

  override name = 'Migration20261123200355';

  override up(): void | Promise<void> {
    this.addSql(`create table "change_event" ("id" bigserial primary key, "entity" varchar(255) not null, "entity_id" varchar(255) not null, "kind" varchar(255) not null, "changes" jsonb not null, "data" jsonb null, "actor" varchar(255) null, "at" timestamptz not null, "processed_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`);
    this.addSql(`create index "change_event_unprocessed" on "change_event" ("id") where "processed_at" is null;`);
    this.addSql(`create index "change_event_entity_entity_id_index" on "change_event" ("entity", "entity_id");`);

    this.addSql(`create table "employee_group" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null);`);
    this.addSql(`alter table "employee_group" add constraint "employee_group_name_unique" unique ("name");`);

    this.addSql(`create table "employee" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "email" varchar(255) not null, "mobile" varchar(255) null, "group_id" bigint null, "roles" jsonb not null, "available" boolean not null default true, "password_hash" varchar(255) null);`);
    this.addSql(`create index "employee_group_id_index" on "employee" ("group_id");`);
    this.addSql(`create unique index "employee_email_lower_unique" on "employee" (lower("email"));`);

    this.addSql(`create table "company" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "category" varchar(255) null, "our_contact_id" bigint null, "service_contact_id" bigint null);`);
    this.addSql(`create index "company_category_index" on "company" ("category");`);
    this.addSql(`create index "company_our_contact_id_index" on "company" ("our_contact_id");`);
    this.addSql(`create index "company_service_contact_id_index" on "company" ("service_contact_id");`);

    this.addSql(`create table "person" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "first_name" varchar(255) null, "last_name" varchar(255) null, "email" varchar(255) null, "mobile" varchar(255) null, "category" varchar(255) null, "company_id" bigint null, "our_contact_id" bigint null, "service_contact_id" bigint null, "interests" jsonb not null, "unsubscribed" boolean not null default false, "extra" jsonb not null);`);
    this.addSql(`create index "person_category_index" on "person" ("category");`);
    this.addSql(`create index "person_company_id_index" on "person" ("company_id");`);
    this.addSql(`create index "person_our_contact_id_index" on "person" ("our_contact_id");`);
    this.addSql(`create index "person_service_contact_id_index" on "person" ("service_contact_id");`);
    this.addSql(`create unique index "person_email_lower_unique" on "person" (lower("email")) where "email" is not null;`);

    this.addSql(`create table "service_request" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" varchar(255) not null, "type" varchar(255) null, "status" varchar(255) null, "category" varchar(255) null, "priority" varchar(255) null, "owner_id" bigint null, "message" text null, "person_id" bigint null);`);
    this.addSql(`create index "service_request_owner_id_index" on "service_request" ("owner_id");`);
    this.addSql(`create index "service_request_person_id_index" on "service_request" ("person_id");`);

    this.addSql(`create table "project" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null);`);
    this.addSql(`alter table "project" add constraint "project_name_unique" unique ("name");`);

    this.addSql(`create table "follow_up" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" varchar(255) not null, "type" varchar(255) null, "project_id" bigint null, "start" timestamptz null, "assigned_to_id" bigint null, "agenda" text null, "person_id" bigint null);`);
    this.addSql(`create index "follow_up_project_id_index" on "follow_up" ("project_id");`);
    this.addSql(`create index "follow_up_assigned_to_id_index" on "follow_up" ("assigned_to_id");`);
    this.addSql(`create index "follow_up_person_id_index" on "follow_up" ("person_id");`);

    this.addSql(`create table "project_member" ("project_id" bigint not null, "person_id" bigint not null, "added_at" timestamptz not null, primary key ("project_id", "person_id"));`);
    this.addSql(`create index "project_member_project_id_index" on "project_member" ("project_id");`);
    this.addSql(`create index "project_member_person_id_index" on "project_member" ("person_id");`);

    this.addSql(`create table "sale" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" varchar(255) not null, "type" varchar(255) null, "stage" varchar(255) not null default 'open', "amount" double precision null, "description" text null, "person_id" bigint null, "company_id" bigint null, "project_id" bigint null, "owner_id" bigint null, "date" timestamptz null);`);
    this.addSql(`create index "sale_person_id_index" on "sale" ("person_id");`);
    this.addSql(`create index "sale_company_id_index" on "sale" ("company_id");`);
    this.addSql(`create index "sale_project_id_index" on "sale" ("project_id");`);
    this.addSql(`create index "sale_owner_id_index" on "sale" ("owner_id");`);

    this.addSql(`create table "selection" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null);`);
    this.addSql(`alter table "selection" add constraint "selection_name_unique" unique ("name");`);

    this.addSql(`create table "selection_member" ("selection_id" bigint not null, "person_id" bigint not null, "added_at" timestamptz not null, primary key ("selection_id", "person_id"));`);
    this.addSql(`create index "selection_member_selection_id_index" on "selection_member" ("selection_id");`);
    this.addSql(`create index "selection_member_person_id_index" on "selection_member" ("person_id");`);

    this.addSql(`create table "session" ("id" bigserial primary key, "token_hash" varchar(255) not null, "employee_id" bigint not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null);`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_employee_id_index" on "session" ("employee_id");`);

    this.addSql(`create table "status" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" varchar(255) not null, "name" varchar(255) not null, "position" int not null default 0, "active" boolean not null default true);`);
    this.addSql(`alter table "status" add constraint "status_kind_name_unique" unique ("kind", "name");`);

    this.addSql(`create table "quote_request" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" varchar(255) not null, "status_id" bigint not null, "person_id" bigint null, "company_id" bigint null, "owner_id" bigint null);`);
    this.addSql(`create index "quote_request_status_id_index" on "quote_request" ("status_id");`);
    this.addSql(`create index "quote_request_person_id_index" on "quote_request" ("person_id");`);
    this.addSql(`create index "quote_request_company_id_index" on "quote_request" ("company_id");`);
    this.addSql(`create index "quote_request_owner_id_index" on "quote_request" ("owner_id");`);

    this.addSql(`create table "opportunity" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "status_id" bigint not null, "person_id" bigint null, "company_id" bigint null, "owner_id" bigint null);`);
    this.addSql(`create index "opportunity_status_id_index" on "opportunity" ("status_id");`);
    this.addSql(`create index "opportunity_person_id_index" on "opportunity" ("person_id");`);
    this.addSql(`create index "opportunity_company_id_index" on "opportunity" ("company_id");`);
    this.addSql(`create index "opportunity_owner_id_index" on "opportunity" ("owner_id");`);

    this.addSql(`create table "intake_measure" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "status_id" bigint not null, "person_id" bigint null, "company_id" bigint null, "owner_id" bigint null);`);
    this.addSql(`create index "intake_measure_status_id_index" on "intake_measure" ("status_id");`);
    this.addSql(`create index "intake_measure_person_id_index" on "intake_measure" ("person_id");`);
    this.addSql(`create index "intake_measure_company_id_index" on "intake_measure" ("company_id");`);
    this.addSql(`create index "intake_measure_owner_id_index" on "intake_measure" ("owner_id");`);

    this.addSql(`create table "task_type" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null);`);
    this.addSql(`alter table "task_type" add constraint "task_type_name_unique" unique ("name");`);

    this.addSql(`create table "task" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "type_id" bigint not null, "title" varchar(255) not null, "responsible_id" bigint null, "contact_id" bigint null, "due_at" timestamptz null, "completed_at" timestamptz null);`);
    this.addSql(`create index "task_type_id_index" on "task" ("type_id");`);
    this.addSql(`create index "task_responsible_id_index" on "task" ("responsible_id");`);
    this.addSql(`create index "task_contact_id_index" on "task" ("contact_id");`);
    this.addSql(`create index "task_due_at_index" on "task" ("due_at");`);

    this.addSql(`alter table "employee" add constraint "employee_group_id_foreign" foreign key ("group_id") references "employee_group" ("id") on delete restrict;`);

    this.addSql(`alter table "company" add constraint "company_our_contact_id_foreign" foreign key ("our_contact_id") references "employee" ("id") on delete restrict;`);
    this.addSql(`alter table "company" add constraint "company_service_contact_id_foreign" foreign key ("service_contact_id") references "employee" ("id") on delete restrict;`);

    this.addSql(`alter table "person" add constraint "person_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete restrict;`);
    this.addSql(`alter table "person" add constraint "person_our_contact_id_foreign" foreign key ("our_contact_id") references "employee" ("id") on delete restrict;`);
    this.addSql(`alter table "person" add constraint "person_service_contact_id_foreign" foreign key ("service_contact_id") references "employee" ("id") on delete restrict;`);

    this.addSql(`alter table "service_request" add constraint "service_request_owner_id_foreign" foreign key ("owner_id") references "employee" ("id") on delete restrict;`);
    this.addSql(`alter table "service_request" add constraint "service_request_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete set null;`);

    this.addSql(`alter table "follow_up" add constraint "follow_up_project_id_foreign" foreign key ("project_id") references "project" ("id") on delete restrict;`);
    this.addSql(`alter table "follow_up" add constraint "follow_up_assigned_to_id_foreign" foreign key ("assigned_to_id") references "employee" ("id") on delete restrict;`);
    this.addSql(`alter table "follow_up" add constraint "follow_up_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete set null;`);

    this.addSql(`alter table "project_member" add constraint "project_member_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_member" add constraint "project_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sale" add constraint "sale_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "sale" add constraint "sale_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete restrict;`);
    this.addSql(`alter table "sale" add constraint "sale_project_id_foreign" foreign key ("project_id") references "project" ("id") on delete restrict;`);
    this.addSql(`alter table "sale" add constraint "sale_owner_id_foreign" foreign key ("owner_id") references "employee" ("id") on delete restrict;`);

    this.addSql(`alter table "selection_member" add constraint "selection_member_selection_id_foreign" foreign key ("selection_id") references "selection" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "selection_member" add constraint "selection_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "session" add constraint "session_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on delete cascade;`);

    this.addSql(`alter table "quote_request" add constraint "quote_request_status_id_foreign" foreign key ("status_id") references "status" ("id") on delete restrict;`);
    this.addSql(`alter table "quote_request" add constraint "quote_request_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "quote_request" add constraint "quote_request_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete restrict;`);
    this.addSql(`alter table "quote_request" add constraint "quote_request_owner_id_foreign" foreign key ("owner_id") references "employee" ("id") on delete restrict;`);

    this.addSql(`alter table "opportunity" add constraint "opportunity_status_id_foreign" foreign key ("status_id") references "status" ("id") on delete restrict;`);
    this.addSql(`alter table "opportunity" add constraint "opportunity_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "opportunity" add constraint "opportunity_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete restrict;`);
    this.addSql(`alter table "opportunity" add constraint "opportunity_owner_id_foreign" foreign key ("owner_id") references "employee" ("id") on delete restrict;`);

    this.addSql(`alter table "intake_measure" add constraint "intake_measure_status_id_foreign" foreign key ("status_id") references "status" ("id") on delete restrict;`);
    this.addSql(`alter table "intake_measure" add constraint "intake_measure_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "intake_measure" add constraint "intake_measure_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete restrict;`);
    this.addSql(`alter table "intake_measure" add constraint "intake_measure_owner_id_foreign" foreign key ("owner_id") references "employee" ("id") on delete restrict;`);

    this.addSql(`alter table "task" add constraint "task_type_id_foreign" foreign key ("type_id") references "task_type" ("id") on delete restrict;`);
    this.addSql(`alter table "task" add constraint "task_responsible_id_foreign" foreign key ("responsible_id") references "employee" ("id") on delete restrict;`);
    this.addSql(`alter table "task" add constraint "task_contact_id_foreign" foreign key ("contact_id") references "person" ("id") on delete set null;`);
  }

}
