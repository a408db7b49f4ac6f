// Reading Chevrotain's CST defensively: after error recovery any child may be missing, and tokens
// inserted by recovery have no position.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Loc } from './ast.js';
import type { LineIndex } from './diagnostics.js';

export function isCstNode(element: CstElement | undefined): element is CstNode {
  return element !== undefined && 'children' in element;
}

// These run for every part of every node the builder reads: plain loops, no intermediate arrays.
// A name holds either tokens or nodes (token and rule names differ), so the lists are returned as
// they are, read-only, unless something else is mixed in; only then is a filtered copy made.

const NONE: readonly never[] = Object.freeze([]);

export function tokensOf(node: CstNode | undefined, name: string): readonly IToken[] {
  const elements = node?.children[name];
  if (elements === undefined) return NONE;
  for (let i = 0; i < elements.length; i++) {
    if (isCstNode(elements[i])) return elements.filter((element) => !isCstNode(element)) as IToken[];
  }
  return elements as IToken[];
}

export function tokenOf(node: CstNode | undefined, name: string, index = 0): IToken | undefined {
  const elements = node?.children[name];
  if (elements === undefined) return undefined;
  let seen = 0;
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    if (!isCstNode(element) && seen++ === index) return element;
  }
  return undefined;
}

export function childrenOf(node: CstNode | undefined, name: string): readonly CstNode[] {
  const elements = node?.children[name];
  if (elements === undefined) return NONE;
  for (let i = 0; i < elements.length; i++) {
    if (!isCstNode(elements[i])) return elements.filter(isCstNode);
  }
  return elements as CstNode[];
}

export function childOf(node: CstNode | undefined, name: string, index = 0): CstNode | undefined {
  const elements = node?.children[name];
  if (elements === undefined) return undefined;
  let seen = 0;
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    if (isCstNode(element) && seen++ === index) return element;
  }
  return undefined;
}

export function has(node: CstNode | undefined, name: string): boolean {
  return (node?.children[name]?.length ?? 0) > 0;
}

/** The first of `names` that the node has: `names.find((name) => has(node, name))` without the closure. */
export function firstPresent<const N extends string>(node: CstNode | undefined, names: readonly N[]): N | undefined {
  if (!node) return undefined;
  const { children } = node;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const found = children[name];
    if (found !== undefined && found.length > 0) return name;
  }
  return undefined;
}

/** A token that really is in the source (not one invented by error recovery). */
export function isReal(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

/** [first offset, last end offset] of the real tokens under a node, kept on the node once computed. */
const EXTENT = Symbol('extent');
type Extent = readonly [number, number] | null;
type Measured = CstNode & { [EXTENT]?: Extent };

/**
 * Each list of a node's children is in source order, so only its first and last positioned
 * elements can bound the node: the subtrees between them are never walked.
 */
function extentOf(node: Measured): Extent {
  const cached = node[EXTENT];
  if (cached !== undefined) return cached;
  let start = Infinity;
  let end = -Infinity;
  const { children } = node;
  for (const name in children) {
    const elements = children[name]!;
    for (let i = 0; i < elements.length; i++) {
      const first = startOf(elements[i]!);
      if (first === undefined) continue;
      if (first < start) start = first;
      break;
    }
    for (let i = elements.length - 1; i >= 0; i--) {
      const last = endOf(elements[i]!);
      if (last === undefined) continue;
      if (last > end) end = last;
      break;
    }
  }
  const extent = start !== Infinity ? ([start, end] as const) : null;
  node[EXTENT] = extent;
  return extent;
}

function startOf(element: CstElement): number | undefined {
  if (isCstNode(element)) return extentOf(element)?.[0];
  return isReal(element) ? element.startOffset : undefined;
}

function endOf(element: CstElement): number | undefined {
  if (isCstNode(element)) return extentOf(element)?.[1];
  return isReal(element) ? element.endOffset! : undefined;
}

export class Locator {
  /**
   * Set when the parse needed no error recovery: then no token was invented, and the offsets the
   * parser tracked for each node (`nodeLocationTracking: 'onlyOffset'`) are exactly its real
   * tokens' span. After recovery an invented first token leaves a node without an offset and its
   * parent blind to the node's real tokens, so the spans are computed from the tokens instead.
   */
  parserLocations = false;

  constructor(private readonly lines: LineIndex) {}

  token(token: IToken | undefined): Loc | undefined {
    if (!isReal(token)) return undefined;
    return this.lines.loc(token.startOffset, token.endOffset! - token.startOffset + 1);
  }

  /** The span from the first to the last real token under the node. */
  node(node: CstNode | undefined): Loc | undefined {
    if (!node) return undefined;
    if (this.parserLocations && node.location) {
      const { startOffset, endOffset } = node.location;
      return startOffset >= 0 ? this.lines.loc(startOffset, endOffset! - startOffset + 1) : undefined;
    }
    const extent = extentOf(node);
    return extent ? this.lines.loc(extent[0], extent[1] - extent[0] + 1) : undefined;
  }

  span(from: Loc | undefined, to: Loc | undefined): Loc | undefined {
    if (!from || !to) return from ?? to;
    return this.lines.loc(from.offset, to.offset + to.length - from.offset);
  }

  end(): Loc {
    return this.lines.end();
  }
}
