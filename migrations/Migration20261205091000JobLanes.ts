import { Migration } from '@mikro-orm/migrations';

/** A lane's claim (e.g. only deliveries) finds its due jobs without reading past the other kinds'. */
export class Migration20261205091000JobLanes extends Migration {

  override name = 'Migration20261205091000JobLanes';

  override up(): void | Promise<void> {
    this.addSql(`create index "job_pending_kind_due" on "job" ("kind", "due_at", "id") where "status" = 'pending';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "job_pending_kind_due";`);
  }

}
