import type { Entity } from '@stroom/dsl';
import { type MergeContext, samplePerson } from './template-engine.js';

const OWNER = { id: '0', name: 'Sanne Jansen', email: 'sanne@energieloket.example', mobile: '+31687654321' };
const RESPONSIBLE = { id: '0', name: 'Daan Visser', email: 'daan@energieloket.example', mobile: '+31611122233' };

/** The sample record of each kind, with the employee roles it brings (`owner`, `responsible`). */
const SAMPLES: Partial<Record<Entity, (due: string) => MergeContext>> = {
  task: (due) => ({
    task: { id: '0', type: 'Bellen', title: 'Terugbellen over de offerte', due_at: due, completed_at: null },
    responsible: RESPONSIBLE,
  }),
  quote_request: () => ({ quote_request: { id: '0', kind: 'Offertezoek', status: 'Offertezoek - Offerte aangevraagd' }, owner: OWNER }),
  opportunity: () => ({ opportunity: { id: '0', status: 'In behandeling' }, owner: OWNER }),
  intake_measure: () => ({ intake_measure: { id: '0', status: 'Intake gepland' }, owner: OWNER }),
  sale: (due) => ({
    sale: { id: '0', title: 'Warmtepomp', type: 'Installatie', stage: 'open', amount: 4500, description: 'Lucht-waterwarmtepomp met plaatsing', date: due },
    owner: OWNER,
  }),
  request: () => ({
    request: { id: '0', title: 'Vraag over subsidie', type: 'Vraag', status: 'Open', category: 'Subsidie', priority: 'Normaal', message: 'Kom ik in aanmerking?' },
    owner: OWNER,
  }),
  follow_up: (due) => ({ follow_up: { id: '0', title: 'Keukentafelgesprek', type: 'Afspraak', start: due, agenda: 'Mogelijkheden isolatie bespreken' } }),
};

/**
 * The sample data of a preview for a template used with records of `kind`: the sample person with
 * their company and contacts, and a sample record of that kind (a quote request with its status,
 * kind and owner; a task with its title, due time and responsible employee). `now` dates the sample.
 */
export function sampleContext(kind: Entity, now: Date): MergeContext {
  const base = samplePerson();
  if (kind === 'company') {
    const { person: _person, ...rest } = base;
    return rest;
  }
  const due = new Date(now.getTime() + 2 * 24 * 3600 * 1000).toISOString();
  const sample = SAMPLES[kind]?.(due) ?? {};
  return { ...base, ...sample, ...(kind === 'task' ? { contact: base.person } : {}) };
}
