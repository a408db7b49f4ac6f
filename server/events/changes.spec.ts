import { describe, expect, it } from '@jest/globals';
import { diffSnapshots } from './changes.js';

describe('diffSnapshots', () => {
  it('lists every set field of a created record from null, in snake_case', () => {
    expect(diffSnapshots(null, { id: '1', firstName: 'Anna', lastName: null, companyId: '4', interests: [], unsubscribed: false })).toEqual({
      first_name: { from: null, to: 'Anna' },
      company_id: { from: null, to: '4' },
      unsubscribed: { from: null, to: false },
    });
  });

  it('lists only what changed on an update', () => {
    const before = { id: '1', status: 'Nieuw', ownerId: '2', updatedAt: 'a' };
    const after = { id: '1', status: 'Gewonnen', ownerId: '2', updatedAt: 'b' };
    expect(diffSnapshots(before, after)).toEqual({ status: { from: 'Nieuw', to: 'Gewonnen' } });
  });

  it('compares lists and objects by value', () => {
    expect(diffSnapshots({ extra: { a: 1 }, interests: ['x'] }, { extra: { a: 1 }, interests: ['x', 'y'] })).toEqual({
      interests: { from: ['x'], to: ['x', 'y'] },
    });
  });

  it('lists every set field of a deleted record to null', () => {
    expect(diffSnapshots({ id: '1', name: 'Bellen' }, null)).toEqual({ name: { from: 'Bellen', to: null } });
  });
});
