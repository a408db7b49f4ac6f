import { describe, expect, it } from '@jest/globals';
import { STEP_KINDS_FOR_TEST } from './testing/step-kinds.js';
import { stepsInOrder, type Program, type SplitStep } from './ast.js';
import { assignStepIds } from './ids.js';
import { parse } from './parse.js';
import { print } from './printer.js';
import { fixtures, lines } from './testing/test-support.js';
import {
  containerSteps, deleteStep, findStep, flowOf, freshStepId, insertStep, moveStep, newStep, stepCount, TreeEditError, updateStep,
  type Slot, type StepContainer,
} from './tree-edits.js';

/** A source with every unlabelled step labelled, as the server stores it. */
function labelled(source: string): Program {
  const parsed = parse(source);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return assignStepIds(parsed.ast, []);
}

const flowFixtures = fixtures().filter((f) => labelledOrNull(f.source) !== null);
function labelledOrNull(source: string): Program | null {
  const { ast } = parse(source);
  return ast.declarations.some((d) => d.kind === 'flow') ? assignStepIds(ast, []) : null;
}

/** Every container of the flow: the flow, each split's branches and its "others" (also when it only continues). */
function containers(program: Program): StepContainer[] {
  const all: StepContainer[] = [{ kind: 'flow' }];
  for (const step of stepsInOrder(flowOf(program).steps)) {
    if (step.kind !== 'split') continue;
    step.branches.forEach((_, branch) => all.push({ kind: 'branch', splitId: step.id!, branch }));
    all.push({ kind: 'others', splitId: step.id! });
  }
  return all;
}

function slots(program: Program): Slot[] {
  return containers(program).flatMap((container) => {
    const length = containerSteps(program, container)?.length ?? 0;
    return Array.from({ length: length + 1 }, (_, index) => ({ container, index }));
  });
}

const split = lines(
  'flow "Leads" {',
  '  trigger manual',
  '',
  '  # eerst de welkomstmail',
  '  welkom: send email "welkom"',
  '  wait 2 days',
  '  kies: split "Categorie" {',
  '    branch "Warm" when person.category = "warm" {',
  '      bel: create follow_up "Bellen" type "Telefoon" at first_available assign our_contact',
  '    }',
  '    # de rest',
  '    others leave {',
  '      add to selection "Koud"',
  '    }',
  '  }',
  '  klaar: complete',
  '}',
  '',
);

describe('tree edits', () => {
  it('the fixtures hold flows to edit', () => {
    expect(flowFixtures.length).toBeGreaterThanOrEqual(3);
  });

  it.each(flowFixtures.map((f) => [f.name, f.source]))('%s: a no-op edit of every step prints the same text', (_name, source) => {
    const program = labelledOrNull(source)!;
    const printed = print(program);
    let edited = program;
    for (const step of stepsInOrder(flowOf(program).steps)) edited = updateStep(edited, step.id!, (s) => s);
    expect(print(edited)).toBe(printed);
  });

  it.each(flowFixtures.map((f) => [f.name, f.source]))('%s: insert at every slot then delete gives the original text back', (_name, source) => {
    const program = labelledOrNull(source)!;
    const printed = print(program);
    for (const slot of slots(program)) {
      const id = freshStepId(program);
      const inserted = insertStep(program, slot, newStep('wait', id));
      const text = print(inserted);
      expect(text).not.toBe(printed);
      // The new text parses back to the same tree, labels included.
      expect(print(parse(text).ast)).toBe(text);
      const { program: back, removed } = deleteStep(inserted, id);
      expect(removed).toBe(1);
      // "others continue" becomes an empty step list: the same behaviour, one line more or less.
      if (slot.container.kind === 'others') continue;
      expect(print(back)).toBe(printed);
    }
  });

  it.each(STEP_KINDS_FOR_TEST)('a new %s step prints as text that parses back to itself', (kind) => {
    const program = labelled(split);
    const inserted = insertStep(program, { container: { kind: 'flow' }, index: 2 }, newStep(kind, 'nieuw'));
    const text = print(inserted);
    const reparsed = parse(text);
    expect(reparsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(print(reparsed.ast)).toBe(text);
    expect(findStep(reparsed.ast, 'nieuw')?.kind).toBe(kind);
  });

  it('inserts between steps, at the end, in a branch and in "others" (a leave stays the last step there)', () => {
    let program = labelled(split);
    program = insertStep(program, { container: { kind: 'flow' }, index: 1 }, newStep('wait', 'w1'));
    program = insertStep(program, { container: { kind: 'flow' }, index: 5 }, newStep('complete', 'eind'));
    program = insertStep(program, { container: { kind: 'branch', splitId: 'kies', branch: 0 }, index: 1 }, newStep('wait', 'w2'));
    program = insertStep(program, { container: { kind: 'others', splitId: 'kies' }, index: 0 }, newStep('send_email', 'mail'));
    const text = print(program);
    expect(text).toContain(lines('  welkom: send email "welkom"', '  w1: wait 1 day', '  s1: wait 2 days'));
    expect(text).toContain(lines('      bel: create follow_up "Bellen" type "Telefoon" at first_available assign our_contact', '      w2: wait 1 day'));
    expect(text).toContain(lines('    # de rest', '    others {', '      mail: send email ""', '      s2: leave {', '        add to selection "Koud"', '      }', '    }'));
    expect(text).toContain(lines('  }', '  klaar: complete', '  eind: complete', '}'));
    expect(text).toContain('  # eerst de welkomstmail\n  welkom:');
  });

  it('deletes a split with its branches and says how many steps went', () => {
    const program = labelled(split);
    expect(stepCount(findStep(program, 'kies')!)).toBe(2);
    const { program: after, removed } = deleteStep(program, 'kies');
    expect(removed).toBe(2);
    expect(print(after)).not.toContain('split');
    expect(print(after)).toContain('  s1: wait 2 days\n  klaar: complete');
    expect(() => deleteStep(program, 'bestaat-niet')).toThrow(TreeEditError);
  });

  it('moves a step with its comment, keeping every id; down and up in one list, into a branch and out', () => {
    const program = labelled(split);
    const down = moveStep(program, 'welkom', { container: { kind: 'flow' }, index: 2 });
    expect(print(down)).toContain(lines('  s1: wait 2 days', '  # eerst de welkomstmail', '  welkom: send email "welkom"', '  kies: split'));
    expect(print(moveStep(down, 'welkom', { container: { kind: 'flow' }, index: 0 }))).toBe(print(program));
    expect(print(moveStep(program, 'welkom', { container: { kind: 'flow' }, index: 0 }))).toBe(print(program));
    expect(print(moveStep(program, 'welkom', { container: { kind: 'flow' }, index: 1 }))).toBe(print(program));
    const inBranch = moveStep(program, 'klaar', { container: { kind: 'branch', splitId: 'kies', branch: 0 }, index: 0 });
    expect(print(inBranch)).toContain(lines('    branch "Warm" when person.category = "warm" {', '      klaar: complete', '      bel:'));
    const out = moveStep(inBranch, 'bel', { container: { kind: 'flow' }, index: 4 });
    expect(print(out)).toContain(lines('  }', '  bel: create follow_up "Bellen" type "Telefoon" at first_available assign our_contact', '}'));
    const ids = (p: Program) => stepsInOrder(flowOf(p).steps).map((s) => s.id).sort();
    expect(ids(out)).toEqual(ids(program));
    expect(() => moveStep(program, 'kies', { container: { kind: 'branch', splitId: 'kies', branch: 0 }, index: 0 })).toThrow(TreeEditError);
  });

  it('changes a step\'s settings and keeps its id, kind and comment; an id change is refused', () => {
    const program = labelled(split);
    const changed = updateStep(program, 'welkom', (step) => ({ ...step, template: 'nieuw', subject: 'Hallo {{ person.first_name }}' } as typeof step));
    expect(print(changed)).toContain('  # eerst de welkomstmail\n  welkom: send email "nieuw" subject "Hallo {{ person.first_name }}"');
    const renamed = updateStep(program, 'kies', (step) => {
      const s = step as SplitStep;
      return { ...s, branches: [...s.branches, { kind: 'branch', name: 'Koud', condition: { kind: 'compare', field: 'person.category', operator: '=', value: 'koud' }, steps: [] }] };
    });
    expect(print(renamed)).toContain('    branch "Koud" when person.category = "koud" {\n    }');
    expect(() => updateStep(program, 'welkom', (step) => ({ ...step, id: 'anders' }))).toThrow(TreeEditError);
    expect(print(program)).toBe(print(labelled(split)));
  });

  it('gives fresh ids that no step has and none of the given ones', () => {
    const program = labelled(split);
    expect(freshStepId(program)).toBe('s2');
    expect(freshStepId(program, ['s2', 's3'])).toBe('s4');
  });
});
