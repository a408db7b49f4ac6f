// "Did you mean …": the known name nearest to a misspelled one, by edit distance. Only called when a
// diagnostic is made, so its cost never touches a text without problems.

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions: `sned` → `send` is
 * one edit), case-insensitive, giving up once it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous: number[] = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[y.length]!;
}

/** How far a word may be from the name meant: one edit for short words, a third of a longer one. */
function allowedDistance(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 3)));
}

/** The candidate nearest to `word` within the allowed distance, or undefined (also when `word` is itself a candidate). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (!word) return undefined;
  const limit = allowedDistance(word);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word) return undefined;
    const distance = editDistance(word, candidate, bestDistance - 1 < 0 ? 0 : Math.min(limit, bestDistance));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
