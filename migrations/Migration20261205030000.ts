import { Migration } from '@mikro-orm/migrations';

export class Migration20261205030000 extends Migration {

  override name = 'Migration20261205030000';

  override up(): void | Promise<void> {
    this.addSql(`alter table "participant" add column "path" jsonb not null default '[]';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "participant" drop column "path";`);
  }

}
