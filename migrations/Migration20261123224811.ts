import { Migration } from '@mikro-orm/migrations';

export class Migration20261123224811 extends Migration {

  override name = 'Migration20261123224811';

  override up(): void | Promise<void> {
    this.addSql(`alter table "participant" add "notes" jsonb not null default '[]';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "participant" drop column "notes";`);
  }

}
