/** Demo records for a new embedded installation: enough to click around in (the API's JSON shapes). */
export const DEMO_EMPLOYEES = [
  { name: 'Sanne de Vries', email: 'sanne@energieloket.example', mobile: '+31612345001', roles: ['content_editor'] },
  { name: 'Ahmed Bakker', email: 'ahmed@energieloket.example', mobile: '+31612345002', roles: [] },
  { name: 'Lotte Jansen', email: 'lotte@energieloket.example', mobile: '+31612345003', roles: [] },
];

export const DEMO_COMPANIES = [
  { name: 'Woningcorporatie Zuid', category: 'Klant' },
  { name: 'Installatiebedrijf Noord', category: 'Partner' },
];

export const DEMO_PERSONS = [
  { firstName: 'Eva', lastName: 'Visser', email: 'eva.visser@example.nl', mobile: '+31620000001', category: 'Prospect', company: 0 },
  { firstName: 'Daan', lastName: 'Smit', email: 'daan.smit@example.nl', mobile: '+31620000002', category: 'Lead', company: 0 },
  { firstName: 'Fleur', lastName: 'Mulder', email: 'fleur.mulder@example.nl', mobile: null, category: 'Klant', company: 1 },
  { firstName: 'Bram', lastName: 'de Boer', email: 'bram.deboer@example.nl', mobile: '+31620000004', category: 'Prospect', company: null },
  { firstName: 'Noor', lastName: 'Meijer', email: 'noor.meijer@example.nl', mobile: '+31620000005', category: 'Lead', company: null },
];
