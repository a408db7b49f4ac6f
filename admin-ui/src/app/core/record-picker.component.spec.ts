import { type PersonRow, recordLabel } from './record-picker.component';

const jan: PersonRow = { id: '7', firstName: 'Jan', lastName: 'Jansen', email: 'jan@voorbeeld.nl' };
const persons = new Map([[jan.id, jan]]);

describe('how the record picker names what it found', () => {
  it('names a person, or their e-mail when they have no name', () => {
    expect(recordLabel('person', { ...jan }, persons)).toEqual({ type: 'person', id: '7', label: 'Jan Jansen', detail: 'jan@voorbeeld.nl' });
    expect(recordLabel('person', { id: '8', firstName: null, lastName: null, email: 'anoniem@voorbeeld.nl' }, persons).label).toBe('anoniem@voorbeeld.nl');
  });

  it('names a quote request by kind, person and the status without its kind', () => {
    const row = { id: '3', kind: 'Offertezoek', status: 'Offertezoek - Offerte aangevraagd', personId: '7' };
    expect(recordLabel('quote_request', row, persons)).toEqual({ type: 'quote_request', id: '3', label: 'Offertezoek · Jan Jansen · Offerte aangevraagd', detail: 'jan@voorbeeld.nl' });
    expect(recordLabel('quote_request', { ...row, kind: 'Bezoek', personId: null }, persons).label).toBe('Bezoek · Offertezoek - Offerte aangevraagd');
  });

  it('names an opportunity by person and status, and a task by title with its type and contact', () => {
    expect(recordLabel('opportunity', { id: '4', status: 'In behandeling', personId: '7' }, persons).label).toBe('Jan Jansen · In behandeling');
    expect(recordLabel('task', { id: '5', title: 'Terugbellen', type: 'Bellen', contactId: '7' }, persons)).toEqual({ type: 'task', id: '5', label: 'Terugbellen', detail: 'Bellen · Jan Jansen' });
  });
});
