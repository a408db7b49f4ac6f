import { Migration } from '@mikro-orm/migrations';

/** Assignment rules: per request type, the group or employees that get requests created with `owner auto`. */
export class Migration20261205091200Seedfix extends Migration {

  override name = 'Migration20261205091200Seedfix';

  override up(): void | Promise<void> {
    this.addSql(`create table "assignment_rule" ("id" bigserial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "request_type" varchar(255) not null, "group_id" bigint null, "employee_ids" jsonb not null default '[]');`);
    this.addSql(`alter table "assignment_rule" add constraint "assignment_rule_request_type_unique" unique ("request_type");`);
    this.addSql(`create index "assignment_rule_group_id_index" on "assignment_rule" ("group_id");`);
    this.addSql(`alter table "assignment_rule" add constraint "assignment_rule_group_id_foreign" foreign key ("group_id") references "employee_group" ("id") on delete restrict;`);
    // "Spread evenly" counts each employee's requests of a type.
    this.addSql(`create index "service_request_owner_id_type_index" on "service_request" ("owner_id", "type");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "service_request_owner_id_type_index";`);
    this.addSql(`drop table "assignment_rule";`);
  }

}
