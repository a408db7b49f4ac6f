import type { nl } from './nl';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** The shape every language's texts must have: the Dutch one's keys, each a string. */
export type Dictionary = Texts<typeof nl>;

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The key of a counted text (`<key>.one` or `<key>.other`); the text itself gets the number as `n`. */
export function plural(key: string, n: number): string {
  return `${key}.${n === 1 ? 'one' : 'other'}`;
}
