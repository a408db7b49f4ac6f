import { describe, expect, it } from '@jest/globals';
import { stripLocations } from './ast.js';
import { compileFlow } from './flow-graph.js';
import { parse } from './parse.js';
import { print } from './printer.js';

const FLOW = `flow "Proef" {
  trigger manual

  split random "Onderwerpregel" {
    branch "A" 45% {
      send email "a"
    }
    branch "B" 45% {
      send email "b"
    }
    holdout 10%
    pick winner after 200 per branch at 95%
  }
  complete
}
`;

describe('split random: an experiment', () => {
  it('reads branches with shares, the holdout and the automatic winner, and prints them back', () => {
    const { ast, diagnostics } = parse(FLOW);
    expect(diagnostics).toEqual([]);
    const split = stripLocations(ast).declarations[0]!.kind === 'flow' ? (stripLocations(ast).declarations[0] as { steps: unknown[] }).steps[0] : undefined;
    expect(split).toMatchObject({
      kind: 'split', name: 'Onderwerpregel', random: { holdout: 10, pickWinner: { after: 200, confidence: 95 } },
      branches: [{ name: 'A', percent: 45, condition: { kind: 'and', operands: [] } }, { name: 'B', percent: 45 }],
    });
    expect(print(ast)).toBe(FLOW);
  });

  it('puts the shares on the step graph', () => {
    const graph = compileFlow((parse(FLOW.replace('split random', 's1: split random')).ast.declarations[0]) as never);
    expect(graph.nodes['s1']?.settings).toEqual({
      name: 'Onderwerpregel', random: { shares: [{ branch: 'A', percent: 45 }, { branch: 'B', percent: 45 }], holdout: 10, pickWinner: { after: 200, confidence: 95 } },
    });
  });

  it('refuses shares that do not add up to 100, a condition or others in a random split, and a share in a plain one', () => {
    const codes = (source: string) => parse(source).diagnostics.map((d) => d.code);
    expect(codes('flow "F" {\n  split random "X" {\n    branch "A" 50% {\n    }\n    branch "B" 30% {\n    }\n  }\n}\n')).toEqual(['random-total']);
    expect(codes('flow "F" {\n  split random "X" {\n    branch "A" 50% {\n    }\n    branch "B" when person.category = "x" {\n    }\n    others continue\n  }\n}\n')).toEqual(['random-branch-share', 'random-others']);
    expect(codes('flow "F" {\n  split "X" {\n    branch "A" 50% {\n    }\n    holdout 50%\n  }\n}\n')).toEqual(['random-only', 'random-only']);
    expect(codes('flow "F" {\n  split random "X" {\n    branch "A" 100% {\n    }\n    pick winner after 10 per branch at 90%\n  }\n}\n')).toEqual(['winner-confidence']);
  });
});
