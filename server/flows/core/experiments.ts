import { createHash } from 'node:crypto';
import { errorFunction, probit } from 'simple-statistics';

export const HOLDOUT = 'holdout';

export interface RandomSettings {
  shares: { branch: string; percent: number }[];
  holdout?: number;
  pickWinner?: { after: number; confidence: 95 | 99 };
}

/** Where a person falls in [0, 100) for a flow: the same on every instance and after every restart. */
export function experimentBucket(flowId: string, personId: string): number {
  return (createHash('sha256').update(`${flowId}:${personId}`).digest().readUInt32BE(0) / 2 ** 32) * 100;
}

/** The branch (or the holdout) a bucket falls in: the shares in order, then the holdout. */
export function assignBranch(settings: RandomSettings, bucket: number): string {
  let upTo = 0;
  for (const share of settings.shares) {
    upTo += share.percent;
    if (bucket < upTo) return share.branch;
  }
  return settings.holdout ? HOLDOUT : settings.shares.at(-1)?.branch ?? HOLDOUT;
}

export interface BranchCounts {
  name: string;
  participants: number;
  successes: number;
  uniqueOpens: number;
  uniqueClicks: number;
}

export interface Comparison {
  /** The branch compared with: the holdout, else the first branch. */
  branch: string;
  /** Success rate of this branch minus that of the control, as a fraction. */
  difference: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
}

/**
 * A two-proportion z-test of `treated` against `control`: the p-value from the pooled standard
 * error, and the confidence interval of the difference from the unpooled one.
 */
export function compareRates(control: BranchCounts, treated: BranchCounts, confidence = 0.95): Comparison | undefined {
  if (control.participants === 0 || treated.participants === 0) return undefined;
  const p1 = control.successes / control.participants;
  const p2 = treated.successes / treated.participants;
  const difference = p2 - p1;
  const pooled = (control.successes + treated.successes) / (control.participants + treated.participants);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / control.participants + 1 / treated.participants));
  // Two-sided: 2·(1 − Φ(|z|)) = 1 − erf(|z|/√2); simple-statistics' table of Φ stops at 3.09.
  const pValue = pooledSe === 0 ? 1 : 1 - errorFunction(Math.abs(difference / pooledSe) / Math.SQRT2);
  const se = Math.sqrt((p1 * (1 - p1)) / control.participants + (p2 * (1 - p2)) / treated.participants);
  const z = probit(1 - (1 - confidence) / 2);
  return { branch: control.name, difference, ciLow: difference - z * se, ciHigh: difference + z * se, pValue: Math.min(1, Math.max(0, pValue)) };
}

/** The readout of one split: per branch its figures and, but for the control, its comparison with the control. */
export function experimentReadout(branches: readonly BranchCounts[]): { branches: (BranchCounts & { successRate: number; versus?: Comparison })[]; verdict: string } {
  const control = branches.find((b) => b.name === HOLDOUT) ?? branches[0];
  const rows = branches.map((b) => {
    const versus = control && b !== control ? compareRates(control, b) : undefined;
    return { ...b, successRate: b.participants ? b.successes / b.participants : 0, ...(versus ? { versus } : {}) };
  });
  return { branches: rows, verdict: verdictOf(rows) };
}

/** "B beter dan A, 95% zeker" for the clearest difference that is significant; else "nog geen verschil". */
export function verdictOf(rows: readonly { name: string; versus?: Comparison }[]): string {
  const significant = rows.filter((r) => r.versus && r.versus.pValue < 0.05).sort((a, b) => a.versus!.pValue - b.versus!.pValue)[0];
  if (!significant?.versus) return 'nog geen verschil';
  const sure = significant.versus.pValue < 0.01 ? 99 : 95;
  const [better, worse] = significant.versus.difference > 0 ? [significant.name, significant.versus.branch] : [significant.versus.branch, significant.name];
  return `${better} beter dan ${worse}, ${sure}% zeker`;
}

/**
 * The branch to send everyone to from now on, when every branch has `after` participants and the
 * best success rate beats every other branch at the confidence asked; with why, in words.
 */
export function pickWinner(branches: readonly BranchCounts[], rule: { after: number; confidence: 95 | 99 }): { branch: string; reason: string } | undefined {
  const arms = branches.filter((b) => b.name !== HOLDOUT);
  if (arms.length < 2 || arms.some((b) => b.participants < rule.after)) return undefined;
  const rate = (b: BranchCounts) => b.successes / b.participants;
  const best = [...arms].sort((a, b) => rate(b) - rate(a))[0]!;
  const alpha = 1 - rule.confidence / 100;
  const tests = arms.filter((b) => b !== best).map((other) => ({ other, test: compareRates(other, best, rule.confidence / 100)! }));
  if (tests.some(({ test }) => test.pValue >= alpha || test.difference <= 0)) return undefined;
  const percent = (b: BranchCounts) => `${(rate(b) * 100).toFixed(1)}%`;
  const against = tests.map(({ other, test }) => `${other.name} ${percent(other)}, p = ${test.pValue.toFixed(4)}`).join('; ');
  return { branch: best.name, reason: `${best.name} ${percent(best)} success against ${against}, after at least ${rule.after} per branch at ${rule.confidence}%` };
}
