import type { Params } from '@stroom/dsl';

/** What a quick fix needs of a diagnostic: the name meant, and the params that hold the name written. */
interface Suggested {
  suggestion?: string;
  params?: Params;
}

/** The params that hold the misspelled word, by the diagnostics that carry a suggestion. */
const WRITTEN = ['name', 'field', 'record', 'found'] as const;

/**
 * The change that puts the suggestion in place of the misspelled word inside the diagnostic's range
 * (`send emial` → `send email`, `"welkon"` → `"welkom"`), or undefined when the word is not there
 * (the text changed since the check).
 */
export function quickFixOf(source: string, range: { from: number; to: number }, d: Suggested): { from: number; to: number; insert: string } | undefined {
  if (!d.suggestion) return undefined;
  const text = source.slice(range.from, range.to);
  for (const key of WRITTEN) {
    const written = d.params?.[key];
    if (typeof written !== 'string' || !written) continue;
    const at = text.indexOf(written);
    if (at >= 0) return { from: range.from + at, to: range.from + at + written.length, insert: d.suggestion };
  }
  return undefined;
}
