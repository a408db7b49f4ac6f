import { variableHtml } from './merge-variables';
import { keyOf } from './new-template-dialog.component';
import { copyNames } from './template-actions';
import { usageLinks } from './template-usage.component';

describe('templates page helpers', () => {
  it('makes a key from a name', () => {
    expect(keyOf('Welkom nieuwe klant')).toBe('welkom-nieuwe-klant');
    expect(keyOf('  Één café — najaar 2026! ')).toBe('een-cafe-najaar-2026');
  });

  it('names a copy that is free', () => {
    const taken = { names: new Set(['Welkom', 'Welkom (kopie)']), keys: new Set(['welkom', 'welkom-kopie']) };
    expect(copyNames({ name: 'Welkom', key: 'welkom' }, taken)).toEqual({ name: 'Welkom (kopie 2)', key: 'welkom-kopie-2' });
    expect(copyNames({ name: 'Oud', key: 'oud' }, taken)).toEqual({ name: 'Oud (kopie)', key: 'oud-kopie' });
  });

  it('links each use to where it is edited', () => {
    expect(usageLinks({
      flows: [{ id: '7', name: 'Welkom' }],
      workflows: [{ id: '3', name: 'Offerte nagaan' }, { id: '4', name: 'Kans gewonnen', setting: { kind: 'status', statusKind: 'opportunity', id: '9' } }, { id: '5', name: 'Taak verlopen', setting: { kind: 'task_type', id: '2', which: 'expired' } }],
    })).toEqual([
      { kind: 'flow', name: 'Welkom', link: ['/flows', '7'] },
      { kind: 'workflow', name: 'Offerte nagaan', link: ['/dsl'] },
      { kind: 'setting', name: 'Kans gewonnen', link: ['/workflows', 'opportunity-statuses'] },
      { kind: 'setting', name: 'Taak verlopen', link: ['/workflows', 'task-types'] },
    ]);
  });

  it('puts a variable in a chip, and the unsubscribe link as a link', () => {
    expect(variableHtml('person.first_name', 'Afmelden')).toBe('<span class="merge-variable">{{ person.first_name }}</span>');
    expect(variableHtml('unsubscribe_url', 'Afmelden')).toBe('<a href="{{ unsubscribe_url }}">Afmelden</a>');
  });
});
