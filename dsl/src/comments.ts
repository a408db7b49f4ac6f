// Comments are not in the grammar: after the build each `# …` goes to the item it stands above
// (or inside), or to the end of its block when nothing follows, so that formatting keeps it.
import type { IToken } from 'chevrotain';
import type { CommentScope } from './build-context.js';

/** The comment's text without `#` and trailing spaces: `# hello` → ` hello`. */
export function commentText(image: string): string {
  return image.slice(1).trimEnd();
}

export function attachComments(scopes: CommentScope[], comments: IToken[]): void {
  if (comments.length === 0) return;
  const ordered = [...scopes].sort((a, b) => a.open - b.open || b.close - a.close);
  const itemsOf = new Map<CommentScope, CommentScope['items']>();
  const open: CommentScope[] = [];
  let next = 0;
  for (const comment of comments) {
    const offset = comment.startOffset;
    while (next < ordered.length && ordered[next]!.open < offset) open.push(ordered[next++]!);
    while (open.length > 0 && open.at(-1)!.close < offset) open.pop();
    const scope = open.at(-1);
    if (!scope) continue;
    let items = itemsOf.get(scope);
    if (!items) {
      items = scope.items.filter((item) => item.loc).sort((a, b) => a.loc!.offset - b.loc!.offset);
      itemsOf.set(scope, items);
    }
    const target = firstEndingAfter(items, offset);
    const holder = target ? (target.comments ??= []) : (scope.owner.endComments ??= []);
    holder.push(commentText(comment.image));
  }
}

/** The first item (sorted, non-overlapping) that ends after `offset`: the one holding it, or the next. */
function firstEndingAfter(items: CommentScope['items'], offset: number): CommentScope['items'][number] | undefined {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const loc = items[middle]!.loc!;
    if (loc.offset + loc.length <= offset) low = middle + 1;
    else high = middle;
  }
  return items[low];
}
