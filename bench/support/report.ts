/**
 * One figure of a benchmark for the suite's closing table and its JSON record: printed as a
 * `result: {…}` line, which `bench/run.ts` collects from each script's output.
 */
export interface BenchResult {
  /** Stable key of the figure (the chart draws one line per key). */
  key: string;
  /** What was measured, in words. */
  figure: string;
  /** Stroom's value and what the baseline did, each with its unit. */
  value: string;
  baseline: string;
  ratio: number;
  /** e.g. ">= 0.5x"; `met` is decided by the script, which knows the target's other conditions. */
  target: string;
  met: boolean;
}

export const RESULT_PREFIX = 'result: ';

export function reportResult(result: BenchResult): void {
  console.log(RESULT_PREFIX + JSON.stringify({ ...result, ratio: Number(result.ratio.toFixed(3)) }));
}
