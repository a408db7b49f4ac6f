// Quoted texts: how the source spells them and what they mean. Shared by the builder and printer.

const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

/** The text of a `"…"` literal (its closing quote may be missing when the source is cut short). */
export function unquote(image: string, terminated = true): string {
  const body = image.slice(1, terminated ? -1 : undefined);
  // Most texts have no escapes: the regular expression would only copy them.
  if (!body.includes('\\')) return body;
  return body.replace(/\\(.)?/gs, (_, char: string | undefined) => (char === undefined ? '' : escapes[char] ?? char));
}

export function quote(text: string): string {
  return `"${text.replace(/[\\"\n\r\t]/g, (char) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[char]!)}"`;
}

/** The text of a `"""…"""` literal, taken verbatim. */
export function untripleQuote(image: string, terminated = true): string {
  return image.slice(3, terminated ? -3 : undefined);
}

/** Scripts print in triple quotes unless the text cannot be written that way. */
export function quoteScript(source: string): string {
  return source.includes('"""') || source.endsWith('"') ? quote(source) : `"""${source}"""`;
}
