import { describe, expect, it } from '@jest/globals';
import { quotedNameAt } from './quoted-names.js';

const at = (text: string) => quotedNameAt(text.replace('|', ''), text.indexOf('|'));

describe('quotedNameAt', () => {
  it.each([
    ['  send email "we|', 'templates', 'we'],
    ['  send sms template "|', 'templates', ''],
    ['  notify email to our_contact template "x|', 'templates', 'x'],
    ['  exclude selection "Af|', 'selections', 'Af'],
    ['  add to selection "|', 'selections', ''],
    ['  trigger form "|', 'forms', ''],
    ['  complete { on success move to flow "Up|', 'flows', 'Up'],
    ['  add to project "|', 'projects', ''],
    ['  distribute to owner group "|', 'groups', ''],
    ['  when task.type = "Be|', 'taskTypes', 'Be'],
  ])('%s → %s', (text, kind, typed) => {
    expect(at(text)).toMatchObject({ kind, typed, from: text.indexOf('|') - typed.length });
  });

  it('knows whose statuses a status field takes, after =, changed to and in [', () => {
    expect(at('  on quote_request.status changed to "|')).toMatchObject({ kind: 'statuses', statusKind: 'quote_request' });
    expect(at('  on opportunity.status changed from "A" to "|')).toMatchObject({ kind: 'statuses', statusKind: 'opportunity' });
    expect(at('  when intake_measure.status in ["A", "|')).toMatchObject({ kind: 'statuses', statusKind: 'intake_measure' });
  });

  it('offers nothing outside quotes or in other texts', () => {
    expect(at('  send email "welkom" |')).toBeUndefined();
    expect(at('workflow "Na|')).toBeUndefined();
    expect(at('  send sms "Hallo {{ person.first_name }}|')).toBeUndefined();
  });
});
