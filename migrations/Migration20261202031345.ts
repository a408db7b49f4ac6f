import { Migration } from '@mikro-orm/migrations';

export class Migration20261202031345 extends Migration {

  override name = 'Migration20261202031345';

  override up(): void | Promise<void> {
    this.addSql(`create index "change_event_person_id" on "change_event" (("data"->>'person_id'));`);

    this.addSql(`create index "flow_refusal_person_id_index" on "flow_refusal" ("person_id");`);

    this.addSql(`create index "message_person_id_index" on "message" ("person_id");`);

    this.addSql(`create index "tracking_token_person_id_index" on "tracking_token" ("person_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "change_event_person_id";`);

    this.addSql(`drop index "flow_refusal_person_id_index";`);

    this.addSql(`drop index "message_person_id_index";`);

    this.addSql(`drop index "tracking_token_person_id_index";`);
  }

}
