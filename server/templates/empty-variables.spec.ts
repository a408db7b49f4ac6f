import { describe, expect, it } from '@jest/globals';
import { emptyVariables } from './empty-variables.js';
import { sampleContext } from './sample-records.js';

const NOW = new Date('2026-03-02T09:00:00Z');

describe('emptyVariables', () => {
  it('says a field is empty on the record it is read from', () => {
    const context = { person: { first_name: 'Jan', mobile: null }, company: { name: '' } };
    expect(emptyVariables(['person.first_name', 'person.first_name.size', 'person.mobile', 'person.mobile.size', 'company.name'], context, { kind: 'person', sample: false }, 'nl').map((e) => e.reason)).toEqual([
      'person.mobile is leeg bij deze persoon',
      'company.name is leeg bij dit bedrijf',
    ]);
  });

  it('names a record the template is not used with, once per record', () => {
    const empty = emptyVariables(['task.title', 'task.due_at', 'unsubscribe_url'], sampleContext('quote_request', NOW), { kind: 'quote_request', sample: true }, 'nl');
    expect(empty).toEqual([{
      variable: 'task.*', code: 'preview.not_used_with', params: { record: 'task', kind: 'quote_request' },
      reason: 'task.* is niet beschikbaar: deze sjabloon wordt niet gebruikt in een taak-workflow',
    }]);
  });

  it('tells a missing related record from one the kind cannot reach, in English too', () => {
    const context = { quote_request: { id: '1', kind: 'Bezoek' }, person: { first_name: 'Jan' } };
    expect(emptyVariables(['owner.name', 'task.title'], context, { kind: 'quote_request', sample: false }, 'en').map((e) => e.reason)).toEqual([
      'owner.* is empty: this quote request has no owner',
      'task.* is not available for a quote request',
    ]);
  });

  it('finds nothing empty in the samples of the kind they are for', () => {
    const variables = ['task.title', 'task.due_at', 'responsible.name', 'person.full_name', 'company.name'];
    expect(emptyVariables(variables, sampleContext('task', NOW), { kind: 'task', sample: true }, 'nl')).toEqual([]);
    expect(emptyVariables(['quote_request.status', 'quote_request.kind', 'owner.name'], sampleContext('quote_request', NOW), { kind: 'quote_request', sample: true }, 'nl')).toEqual([]);
  });
});
