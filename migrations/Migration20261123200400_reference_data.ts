import { Migration } from '@mikro-orm/migrations';

const QUOTE_REQUEST_STATUSES = [
  'Offertezoek - Offerte nog niet aangevraagd',
  'Offertezoek - Offerte aangevraagd',
  'Offertezoek - Offerte aanvraag in behandeling',
  'Offertezoek - In overweging bij bewoner',
  'Offertezoek - Bewoner is akkoord',
  'Offertezoek - Bewoner heeft afgewezen',
  'Offertezoek - Offerte niet mogelijk',
  'Offertezoek - Geen reactie ontvangen',
  'Offertezoek - Uitgevoerd',
  'Offertezoek - Offertezoek akkoord',
  'Offertezoek - Offertezoek niet akkoord',
  'Bezoek - Geen afspraak gemaakt',
  'Bezoek - Geen afspraak kunnen maken',
  'Bezoek - Afspraak gemaakt',
  'Bezoek - Afspraak uitgevoerd',
  'Bezoek - Afspraak afgezegd',
  'Budgetaanvraag - Budgetaanvraag open',
];
const OPPORTUNITY_STATUSES = ['Nieuw', 'In behandeling', 'Offerte verstuurd', 'Gewonnen', 'Verloren'];
const INTAKE_MEASURE_STATUSES = ['Aangemeld', 'Intake gepland', 'Intake uitgevoerd', 'Maatregel uitgevoerd', 'Afgewezen'];

/** Reference data every fresh database gets (SPEC §2): the statuses of seed 004 and task type "Bellen". */
export class Migration20261123200400_reference_data extends Migration {
  override up(): void {
    const rows = [
      ...QUOTE_REQUEST_STATUSES.map((name, i) => ['quote_request', name, i + 1] as const),
      ...OPPORTUNITY_STATUSES.map((name, i) => ['opportunity', name, i + 1] as const),
      ...INTAKE_MEASURE_STATUSES.map((name, i) => ['intake_measure', name, i + 1] as const),
    ];
    const values = rows.map(([kind, name, position]) => `('${kind}', ${quote(name)}, ${position}, true, now(), now())`);
    this.addSql(`insert into "status" ("kind", "name", "position", "active", "created_at", "updated_at") values ${values.join(', ')};`);
    this.addSql(`insert into "task_type" ("name", "created_at", "updated_at") values ('Bellen', now(), now());`);
  }

  override down(): void {
    this.addSql(`delete from "task_type" where "name" = 'Bellen';`);
    this.addSql(`delete from "status";`);
  }
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
