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

/**
 * What each lead of the demo's lead flow does after sending the contact form: the demo walks them
 * through the real engine, so the flow's figures come from real participations.
 * ignores: reads nothing (waits for a click); opens: reads the welcome but clicks nothing;
 * unsubscribes: reads it and unsubscribes (drops out); customer: an existing customer who clicks
 * (completes without a sale); clicks: clicks (gets the advice e-mail and SMS, waits for it to be
 * read); reads: clicks and reads the advice (thinks it over); buys: clicks, reads and buys (success);
 * optedOut: a known person on the opt-out list (the flow refuses him).
 */
export type LeadStory = 'ignores' | 'opens' | 'unsubscribes' | 'customer' | 'clicks' | 'reads' | 'buys' | 'optedOut';

export const DEMO_LEADS: { person: { firstName: string; lastName: string; email: string; mobile?: string; category: string }; story: LeadStory; question: string }[] = [
  { person: { firstName: 'Sem', lastName: 'Hendriks', email: 'sem.hendriks@example.nl', mobile: '+31620000011', category: 'Lead' }, story: 'buys', question: 'Zonnepanelen op een plat dak' },
  { person: { firstName: 'Julia', lastName: 'van Dijk', email: 'julia.vandijk@example.nl', mobile: '+31620000012', category: 'Lead' }, story: 'buys', question: 'Spouwmuurisolatie' },
  { person: { firstName: 'Lucas', lastName: 'Bos', email: 'lucas.bos@example.nl', category: 'Prospect' }, story: 'buys', question: 'Warmtepomp' },
  { person: { firstName: 'Emma', lastName: 'Vos', email: 'emma.vos@example.nl', mobile: '+31620000014', category: 'Lead' }, story: 'reads', question: 'Vloerisolatie' },
  { person: { firstName: 'Milan', lastName: 'Peters', email: 'milan.peters@example.nl', mobile: '+31620000015', category: 'Prospect' }, story: 'reads', question: 'Subsidie voor isolatie' },
  { person: { firstName: 'Tess', lastName: 'de Graaf', email: 'tess.degraaf@example.nl', mobile: '+31620000016', category: 'Lead' }, story: 'clicks', question: 'Energielabel verbeteren' },
  { person: { firstName: 'Finn', lastName: 'van Leeuwen', email: 'finn.vanleeuwen@example.nl', category: 'Lead' }, story: 'clicks', question: 'Dubbel glas' },
  { person: { firstName: 'Anna', lastName: 'Kok', email: 'anna.kok@example.nl', mobile: '+31620000018', category: 'Klant' }, story: 'customer', question: 'Tweede offerte zonnepanelen' },
  { person: { firstName: 'Jesse', lastName: 'Dekker', email: 'jesse.dekker@example.nl', category: 'Klant' }, story: 'customer', question: 'Onderhoud warmtepomp' },
  { person: { firstName: 'Sophie', lastName: 'Brouwer', email: 'sophie.brouwer@example.nl', mobile: '+31620000020', category: 'Lead' }, story: 'opens', question: 'Dakisolatie' },
  { person: { firstName: 'Thijs', lastName: 'de Wit', email: 'thijs.dewit@example.nl', category: 'Prospect' }, story: 'opens', question: 'Zonneboiler' },
  { person: { firstName: 'Lisa', lastName: 'Dijkstra', email: 'lisa.dijkstra@example.nl', mobile: '+31620000022', category: 'Lead' }, story: 'ignores', question: 'Isolatie' },
  { person: { firstName: 'Ruben', lastName: 'Smits', email: 'ruben.smits@example.nl', category: 'Prospect' }, story: 'ignores', question: 'Warmtepomp' },
  { person: { firstName: 'Sara', lastName: 'Koster', email: 'sara.koster@example.nl', category: 'Lead' }, story: 'unsubscribes', question: 'Zonnepanelen' },
  { person: { firstName: 'Tim', lastName: 'Willems', email: 'tim.willems@example.nl', mobile: '+31620000025', category: 'Prospect' }, story: 'unsubscribes', question: 'Ventilatie' },
  { person: { firstName: 'Bram', lastName: 'de Boer', email: 'bram.deboer@example.nl', category: 'Prospect' }, story: 'optedOut', question: 'Isolatie' },
];
