// Reading Chevrotain's CST defensively: after error recovery any child may be missing, and tokens
// inserted by recovery have no position.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Loc } from './ast.js';
import type { LineIndex } from './diagnostics.js';

export function isCstNode(element: CstElement | undefined): element is CstNode {
  return element !== undefined && 'children' in element;
}

export function tokensOf(node: CstNode | undefined, name: string): IToken[] {
  return (node?.children[name] ?? []).filter((element): element is IToken => !isCstNode(element));
}

export function tokenOf(node: CstNode | undefined, name: string, index = 0): IToken | undefined {
  return tokensOf(node, name)[index];
}

export function childrenOf(node: CstNode | undefined, name: string): CstNode[] {
  return (node?.children[name] ?? []).filter(isCstNode);
}

export function childOf(node: CstNode | undefined, name: string, index = 0): CstNode | undefined {
  return childrenOf(node, name)[index];
}

export function has(node: CstNode | undefined, name: string): boolean {
  return (node?.children[name]?.length ?? 0) > 0;
}

/** A token that really is in the source (not one invented by error recovery). */
export function isReal(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

export class Locator {
  constructor(private readonly lines: LineIndex) {}

  token(token: IToken | undefined): Loc | undefined {
    if (!isReal(token)) return undefined;
    return this.lines.loc(token.startOffset, token.endOffset! - token.startOffset + 1);
  }

  /** [first offset, last end offset] of the real tokens under each node, computed once per node. */
  private readonly extents = new WeakMap<CstNode, readonly [number, number] | null>();

  /** The span from the first to the last real token under the node. */
  node(node: CstNode | undefined): Loc | undefined {
    const extent = node && this.extentOf(node);
    return extent ? this.lines.loc(extent[0], extent[1] - extent[0] + 1) : undefined;
  }

  private extentOf(node: CstNode): readonly [number, number] | null {
    const cached = this.extents.get(node);
    if (cached !== undefined) return cached;
    let start = Infinity;
    let end = -Infinity;
    for (const children of Object.values(node.children)) {
      for (const element of children) {
        const extent = isCstNode(element) ? this.extentOf(element)
          : isReal(element) ? [element.startOffset, element.endOffset!] as const : null;
        if (!extent) continue;
        start = Math.min(start, extent[0]);
        end = Math.max(end, extent[1]);
      }
    }
    const extent = Number.isFinite(start) ? ([start, end] as const) : null;
    this.extents.set(node, extent);
    return extent;
  }

  span(from: Loc | undefined, to: Loc | undefined): Loc | undefined {
    if (!from || !to) return from ?? to;
    return this.lines.loc(from.offset, to.offset + to.length - from.offset);
  }

  end(): Loc {
    return this.lines.end();
  }
}
