import { Migration } from '@mikro-orm/migrations';

/**
 * Templates gain a format (existing ones stay HTML with Liquid and render unchanged), the compiled
 * HTML of MJML bodies and its warnings; a stored image may get a public, unguessable address.
 */
export class Migration20261205090100Content extends Migration {

  override name = 'Migration20261205090100Content';

  override up(): void | Promise<void> {
    this.addSql(`alter table "template" add column "format" varchar(255) not null default 'html', add column "html" text null, add column "warnings" jsonb null;`);
    this.addSql(`alter table "stored_file" add column "public_token" varchar(255) null;`);
    this.addSql(`alter table "stored_file" add constraint "stored_file_public_token_unique" unique ("public_token");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "stored_file" drop constraint "stored_file_public_token_unique";`);
    this.addSql(`alter table "stored_file" drop column "public_token";`);
    this.addSql(`alter table "template" drop column "format", drop column "html", drop column "warnings";`);
  }

}
