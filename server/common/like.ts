/** Escapes LIKE wildcards so that text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching text anywhere. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
