import { flowOf, parse, print, type SplitStep } from '@stroom/dsl';
import { evenShares, setRandom, shareTotal } from './random-split';

const source = (others: string) => [
  'flow "x" {', '  split "Test" {', '    branch "A" when person.category = "a" {', '    }', '    branch "B" when person.category = "b" {', '    }', others, '  }', '}', '',
].join('\n');
const splitOf = (text: string) => {
  const program = parse(text).ast;
  return { program, split: flowOf(program).steps[0] as SplitStep };
};

describe('random split', () => {
  it('shares what the holdout leaves evenly in whole percents', () => {
    expect(evenShares(2)).toEqual([50, 50]);
    expect(evenShares(3)).toEqual([34, 33, 33]);
    expect(evenShares(3, 10)).toEqual([30, 30, 30]);
    expect(evenShares(4, 5)).toEqual([24, 24, 24, 23]);
    expect(evenShares(0)).toEqual([]);
  });

  it('turns a condition split into an experiment that parses without problems, and back', () => {
    const { program, split } = splitOf(source('    others continue'));
    expect(setRandom(split, true)).toBe(true);
    expect(shareTotal(split)).toBe(100);
    const text = print(program);
    expect(text).toContain('  split random "Test" {\n    branch "A" 50% {\n    }\n    branch "B" 50% {\n    }\n  }\n');
    expect(parse(text).diagnostics).toEqual([]);
    split.random!.holdout = 20;
    expect(shareTotal(split)).toBe(120);
    expect(setRandom(split, false)).toBe(true);
    expect(print(program)).toContain('  split "Test" {\n    branch "A" when person.email is not empty {\n');
    expect(split.branches[0]!.percent).toBeUndefined();
  });

  it('refuses to make a split random while "others" has steps of its own', () => {
    const { split } = splitOf(source('    others {\n      wait 1 day\n    }'));
    expect(setRandom(split, true)).toBe(false);
    expect(split.random).toBeUndefined();
    expect(split.others?.kind).toBe('steps');
  });
});
