import { stepSource } from './step-text';

const SOURCE = [
  'flow "Welkom" {',
  '  trigger manual',
  '  welkom: send email "welkom"',
  '  soort: split "Soort" {',
  '    branch "Klant" when person.category = "Klant" {',
  '      extra: wait 1 day',
  '',
  '      nog: wait 2 days',
  '    }',
  '  }',
  '  klaar: complete',
  '}',
].join('\n');

describe('a step\'s lines of the stored source', () => {
  it('takes a one-line step alone', () => {
    expect(stepSource(SOURCE, 'welkom')).toBe('welkom: send email "welkom"');
    expect(stepSource(SOURCE, 'klaar')).toBe('klaar: complete');
  });

  it('takes a split with its branches and closing brace, indented from the step', () => {
    expect(stepSource(SOURCE, 'soort')).toBe([
      'soort: split "Soort" {',
      '  branch "Klant" when person.category = "Klant" {',
      '    extra: wait 1 day',
      '',
      '    nog: wait 2 days',
      '  }',
      '}',
    ].join('\n'));
  });

  it('takes a nested step up to its next sibling, and nothing for an unknown id', () => {
    expect(stepSource(SOURCE, 'extra')).toBe('extra: wait 1 day');
    expect(stepSource(SOURCE, 'nog')).toBe('nog: wait 2 days');
    expect(stepSource(SOURCE, 'geen')).toBe('');
  });
});
