import { Migration } from '@mikro-orm/migrations';

/** Experiments: the branch each participant was given per random split, and the winners flows picked. */
export class Migration20261205090200_experiments extends Migration {

  override name = 'Migration20261205090200_experiments';

  override up(): void | Promise<void> {
    this.addSql(`alter table "participant" add column "experiments" jsonb not null default '{}';`);
    this.addSql(`create table "experiment_winner" ("id" bigserial primary key, "flow_id" bigint not null references "flow" ("id") on delete cascade, "step_id" varchar(255) not null, "branch" varchar(255) not null, "at" timestamptz not null, "reason" text not null);`);
    this.addSql(`create unique index "experiment_winner_flow_step" on "experiment_winner" ("flow_id", "step_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table "experiment_winner";`);
    this.addSql(`alter table "participant" drop column "experiments";`);
  }

}
