import { Migration } from '@mikro-orm/migrations';

export class Migration20261202080000 extends Migration {

  override name = 'Migration20261202080000';

  override up(): void | Promise<void> {
    this.addSql(`create index "job_pending_record" on "job" (("payload"->>'entity'), ("payload"->>'entityId')) where "status" = 'pending';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "job_pending_record";`);
  }

}
