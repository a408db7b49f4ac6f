import { Migration } from '@mikro-orm/migrations';

/** Jobs that run outside the claiming transaction (scripts) are leased: status `running` until `locked_until`. */
export class Migration20261205090500FreezeJobLease extends Migration {

  override name = 'Migration20261205090500FreezeJobLease';

  override up(): void | Promise<void> {
    this.addSql(`alter table "job" add column "locked_until" timestamptz null;`);
    this.addSql(`create index "job_running_lease" on "job" ("locked_until") where "status" = 'running';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "job_running_lease";`);
    this.addSql(`alter table "job" drop column "locked_until";`);
  }

}
