import { describe, expect, it } from '@jest/globals';
import type { Flow } from './ast.js';
import { conditionHolds } from './engine.js';
import { compileFlow, completionMoves } from './flow-graph.js';
import { parse } from './parse.js';
import { fixture } from './testing/test-support.js';

const graphOf = (source: string) => compileFlow(parse(source).ast.declarations.find((d) => d.kind === 'flow') as Flow);

describe('flow graph', () => {
  const graph = graphOf(fixture('spec-example.stroom'));

  it('links the reference example flow step by step', () => {
    expect(graph.start).toBe('welkom');
    expect(graph.order).toEqual(['welkom', 's1', 's2', 's3', 's4', 's5', 's6']);
    expect(graph.nodes['welkom']).toEqual({
      id: 'welkom', kind: 'send_email', next: 's1',
      settings: { template: 'welkom', subject: 'Welkom {{ person.first_name }}', attachments: [] },
    });
    expect(graph.nodes['s2']?.settings).toMatchObject({ event: { kind: 'link_clicked', step: 'welkom' }, atMost: { amount: 7, unit: 'days' } });
    expect(graph.nodes['s3']).toMatchObject({
      kind: 'split', next: null, settings: { name: 'Klanttype' },
      branches: [{ name: 'Klanten', next: 's4' }],
      others: { kind: 'leave', actions: [{ kind: 'move_to_flow', flow: 'Reactivatie' }] },
    });
    expect(graph.nodes['s4']?.next).toBe('s5'); // a branch's last step continues after the split
    expect(graph.nodes['s6']).toMatchObject({ kind: 'complete', next: null });
    expect(graph.edges).toContainEqual({ from: 's3', to: 's4', label: 'Klanten' });
  });

  it('compiles settings, triggers, filter and success criteria', async () => {
    expect(graph.settings).toEqual({ sender: 'Energieloket <info@energieloket.example>', replyTo: 'info@energieloket.example' });
    expect(graph.triggers).toEqual([{ kind: 'form_submitted', form: 'contact-me' }]);
    expect(graph.exclusions).toEqual(['Afmeldingen']);
    expect(graph.oncePerPerson).toBe(true);
    expect(await conditionHolds(graph.filter!, { person: { category: 'Lead', email: 'a@b' } })).toBe(true);
    expect(await conditionHolds(graph.filter!, { person: { category: 'Klant', email: 'a@b' } })).toBe(false);
    const [sale, category] = graph.success!.criteria;
    expect(sale).toEqual({ kind: 'record_created', entity: 'sale' });
    expect(graph.success!.then).toBe('stop');
    if (category?.kind !== 'field_changed') throw new Error('expected a field change');
    const event = { event: { entity: 'person', id: 'p', kind: 'updated', changes: { category: { from: 'Lead', to: 'Klant' } } } };
    expect(await conditionHolds(category.condition, event)).toBe(true);
  });

  it('evaluates split conditions on the participant', async () => {
    const condition = graph.nodes['s3']!.branches![0]!.condition;
    expect(await conditionHolds(condition, { company: { category: 'Klant' } })).toBe(true);
    expect(await conditionHolds(condition, { person: {} })).toBe(false);
  });

  it('sends others and empty branches on after the split', () => {
    const split = graphOf(fixture('flow-split.stroom'));
    const [outer, , afmelden] = split.order.filter((id) => split.nodes[id]!.kind === 'split');
    expect(split.nodes[outer!]!.others).toEqual({ kind: 'next', next: expect.any(String) });
    const empty = Object.values(split.nodes).find((node) => node.branches?.some((b) => b.name === 'Leeg'));
    const inner = empty!.branches!.find((b) => b.name === 'Leeg')!;
    expect(inner.next).toBe(empty!.others!.kind === 'next' ? empty!.others!.next : undefined);
    expect(split.nodes[afmelden!]!.others).toEqual({ kind: 'leave', actions: [{ kind: 'add_to_selection', selection: 'Controle' }] });
  });

  it('finds the moves of the complete steps a participant can still reach', () => {
    const split = graphOf(`flow "F" {
  trigger manual
  a: wait 1 days
  split "Soort" {
    branch "Klant" when person.category = "Klant" {
      k: complete {
        on success move to flow "Upsell"
        on no_success move to flow "Nazorg"
      }
    }
    others continue
  }
  b: wait 2 days
  c: complete {
    on success move to flow "Upsell"
    on success move to flow "Ambassadeurs"
  }
}
`);
    expect(completionMoves(split, 'a', 'success')).toEqual(['Upsell', 'Ambassadeurs']);
    expect(completionMoves(split, 'a', 'no_success')).toEqual(['Nazorg']);
    expect(completionMoves(split, 'b', 'success')).toEqual(['Upsell', 'Ambassadeurs']);
    expect(completionMoves(split, 'b', 'no_success')).toEqual([]);
    expect(completionMoves(split, null, 'success')).toEqual([]);
  });
});
