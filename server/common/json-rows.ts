/**
 * `insert into "<table>" (<columns>) select … from jsonb_populate_recordset(…)`: many rows in one
 * statement as one parameter, `JSON.stringify` of an array of objects keyed by column (a jsonb
 * column's value as it is, not as a string). PostgreSQL reads the array as the table's own row
 * type, so each value gets its column's type. A statement of thousands of literal values
 * (`values (?, ?, …), …`) takes far longer to build, send and parse.
 *
 * With `base`, a second parameter (before the rows) is one object of the values the rows share
 * (see `sharedColumns`): a row's missing column takes the base's value. With `rows`, the rows are
 * read from that SQL expression instead of a parameter of their own.
 */
export function insertFromJson(table: string, columns: readonly string[], { base = false, rows = '?::jsonb' } = {}): string {
  const names = columns.map((c) => `"${c}"`).join(', ');
  const record = base ? `jsonb_populate_record(null::"${table}", ?::jsonb)` : `null::"${table}"`;
  return `insert into "${table}" (${names}) select ${names} from jsonb_populate_recordset(${record}, ${rows})`;
}

type Row = Record<string, unknown>;

/**
 * The rows for `insertFromJson` with a base: the columns holding the same text, number, boolean,
 * instant or null in every row are taken out of the rows into `shared`, sent once. A batch of a flow's
 * e-mails shares most of its columns (sender, flow, step, status, time), and each column name and
 * value written per row costs building, sending and parsing.
 */
export function sharedColumns(rows: readonly Row[]): { shared: Row; rows: Row[] } {
  const first = rows[0];
  if (!first || rows.length === 1) return { shared: {}, rows: [...rows] };
  const shared: Row = {};
  for (const [column, value] of Object.entries(first)) {
    if (value instanceof Date) {
      const time = value.getTime();
      if (rows.every((row) => row[column] instanceof Date && (row[column] as Date).getTime() === time)) shared[column] = value;
    } else if (value === null || typeof value !== 'object') {
      if (rows.every((row) => row[column] === value)) shared[column] = value;
    }
  }
  const names = Object.keys(shared);
  if (names.length === 0) return { shared, rows: [...rows] };
  return {
    shared,
    rows: rows.map((row) => {
      const own: Row = {};
      for (const column in row) if (!(column in shared)) own[column] = row[column];
      return own;
    }),
  };
}
