/** Command-line options every benchmark understands: `--full` for the large sizes, `--<name> <n>` to set one. */
export const FULL = process.argv.includes('--full');

/** `--<name> <n>` from the command line, else `quick` (or `full` with `--full`). */
export function sizeOption(name: string, quick: number, full = quick): number {
  const at = process.argv.indexOf(`--${name}`);
  const given = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(given) && given > 0 ? given : FULL ? full : quick;
}
