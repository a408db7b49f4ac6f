import { TestBed } from '@angular/core/testing';
import { DesignerStore } from './designer-store';
import { leaveTarget, setLeaveTarget } from './leave-options';
import { PALETTE } from './step-kinds';

const source = [
  'flow "Leads" {', '  trigger manual', '', '  # welkom', '  welkom: send email "welkom"', '  split "Soort" {',
  '    branch "Warm" when person.category = "warm" {', '      wait 1 day', '    }', '    others leave {', '      add to selection "Koud"', '    }', '  }', '}', '',
].join('\n');

describe('DesignerStore', () => {
  let store: DesignerStore;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [DesignerStore] });
    store = TestBed.inject(DesignerStore);
  });

  it('labels unlabelled steps on load and starts without history', () => {
    expect(store.load(source)).toEqual([]);
    expect(store.source()).toContain('  s1: split "Soort" {');
    expect(store.source()).toContain('      s2: wait 1 day');
    expect(store.canUndo()).toBe(false);
  });

  it('inserts from the menu, selects the new step, and undoes and redoes', () => {
    store.load(source);
    const before = store.source();
    const id = store.insert('membership_remove', { container: { kind: 'flow' }, index: 1 });
    expect(store.selection()).toEqual({ kind: 'step', id });
    expect(store.source()).toContain(`  ${id}: remove from selection ""`);
    store.undo();
    expect(store.source()).toBe(before);
    expect(store.selection()).toBeNull();
    store.redo();
    expect(store.source()).toContain(`${id}: remove from selection`);
  });

  it('counts and deletes a split with its branches', () => {
    store.load(source);
    expect(store.countOf('s1')).toBe(2);
    expect(store.remove('s1')).toBe(2);
    expect(store.source()).not.toContain('split');
  });

  it('leaves a split where it is when it is dropped into its own branch', () => {
    store.load(source);
    const before = store.source();
    expect(store.move('s1', { container: { kind: 'branch', splitId: 's1', branch: 0 }, index: 0 })).toBe(false);
    expect(store.source()).toBe(before);
    expect(store.canUndo()).toBe(false);
  });

  it('takes text that parses and refuses text that does not, leaving the tree alone', () => {
    store.load(source);
    expect(store.replaceSource(store.source().replace('wait 1 day', 'wait 3 days'))).toEqual([]);
    expect(store.source()).toContain('s2: wait 3 days');
    const errors = store.replaceSource('flow "kapot" {');
    expect(errors.length).toBeGreaterThan(0);
    expect(store.source()).toContain('s2: wait 3 days');
  });

  it('keeps per-step problems, the flow\'s own under the empty key', () => {
    store.setProblems([
      { line: 1, column: 1, length: 1, severity: 'warning', code: 'missing-template', message: 'a', stepId: 'welkom' },
      { line: 1, column: 1, length: 1, severity: 'error', code: 'no-trigger', message: 'b' },
      { line: 1, column: 1, length: 1, severity: 'info', code: 'unreachable', message: 'c', stepId: 'welkom' },
    ]);
    expect(store.problems().get('welkom')!.map((d) => d.message)).toEqual(['a']);
    expect(store.problems().get('')!.map((d) => d.message)).toEqual(['b']);
  });
});

describe('the step menu and its helpers', () => {
  it('offers every step kind in four groups', () => {
    expect(PALETTE.map((g) => g.key)).toEqual(['send', 'update', 'create', 'internal']);
    const kinds = new Set(PALETTE.flatMap((g) => g.items.map((i) => i.kind)));
    expect(kinds.size).toBe(18);
  });

  it('sets and clears a leave target, keeping the other action', () => {
    const step = { kind: 'leave' as const, id: 'x', actions: [{ kind: 'move_to_flow' as const, flow: 'Nazorg' }] };
    setLeaveTarget(step, 'add_to_selection', 'Koud');
    expect(leaveTarget(step, 'add_to_selection')).toBe('Koud');
    setLeaveTarget(step, 'move_to_flow', '');
    expect(step.actions).toEqual([{ kind: 'add_to_selection', selection: 'Koud' }]);
  });
});
