/** Small statistics for benchmark figures. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const rate = (count: number, ms: number) => count / (ms / 1000);
export const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const ratio = (ours: number, baseline: number) => `${(ours / baseline).toFixed(2)}x`;

/**
 * Both sides of a comparison must send the same e-mail (a smaller one flatters the baseline, a
 * larger one Stroom): throws unless their sizes (totals or means, in bytes) agree within 5 %.
 */
export function checkSameSize(raw: number, stroom: number, hint = ''): void {
  if (Math.abs(raw - stroom) > 0.05 * stroom) throw new Error(`the e-mails differ in size: raw ${raw} bytes, Stroom ${stroom}${hint}`);
}

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
