/**
 * `insert into "<table>" (<columns>) select … from jsonb_populate_recordset(…)`: many rows in one
 * statement as one parameter, `JSON.stringify` of an array of objects keyed by column (a jsonb
 * column's value as it is, not as a string). PostgreSQL reads the array as the table's own row
 * type, so each value gets its column's type. A statement of thousands of literal values
 * (`values (?, ?, …), …`) takes far longer to build, send and parse.
 */
export function insertFromJson(table: string, columns: readonly string[]): string {
  const names = columns.map((c) => `"${c}"`).join(', ');
  return `insert into "${table}" (${names}) select ${names} from jsonb_populate_recordset(null::"${table}", ?::jsonb)`;
}
