import { TestBed } from '@angular/core/testing';
import { startInDutch, testTranslations } from '../../../testing/translations';
import { flowAst, flowFacts } from './flow-words';

const facts = (...settings: string[]) => {
  const flow = flowAst(['flow "Contract" {', ...settings.map((s) => `  ${s}`), '', '  send email "x"', '}', ''].join('\n'));
  return Object.fromEntries(flowFacts(flow!).map((f) => [f.label, f.text]));
};

describe('a flow\'s settings in words', () => {
  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [testTranslations()] });
    await startInDutch();
  });

  it('says date and yearly triggers, re-entry, the exit rule and the contact-policy choice', () => {
    const words = facts('sender "Loket <info@loket.example>"', 'when limited skip', 'trigger 30 days before person.extra.contract_end',
      'trigger yearly on person.extra.birthday', 'exit when person.category = "Klant"', 'restart after 90 days');
    expect(words['Trigger(s)']).toBe('Voor of na een datum: 30 dagen voor person.extra.contract_end; Jaarlijks op een datum: person.extra.birthday');
    expect(words['Opnieuw deelnemen']).toBe('Opnieuw na 90 dagen');
    expect(words['Verlaat de flow als']).toContain('Klant');
    expect(words['Door het contactbeleid tegengehouden']).toBe('overslaan');
  });

  it('says once per person or always, and leaves out what is not set', () => {
    expect(facts('trigger manual', 'once per person')['Opnieuw deelnemen']).toBe('Eén keer per persoon');
    const plain = facts('trigger manual');
    expect(plain['Opnieuw deelnemen']).toBe('Altijd opnieuw');
    expect(plain['Verlaat de flow als']).toBeUndefined();
    expect(plain['Door het contactbeleid tegengehouden']).toBeUndefined();
  });
});
