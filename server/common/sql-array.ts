/**
 * A PostgreSQL array literal for one parameter, as in `"id" = any(?::bigint[])`: one round trip for
 * any number of values. For ids and plain keys only (no commas, quotes, braces or spaces).
 */
export function sqlArray(values: Iterable<string | number>): string {
  return `{${[...values].join(',')}}`;
}
