import { describe, expect, it } from '@jest/globals';
import { assignBranch, compareRates, experimentBucket, experimentReadout, pickWinner } from './experiments.js';

const arm = (name: string, participants: number, successes: number) => ({ name, participants, successes, uniqueOpens: 0, uniqueClicks: 0 });

describe('experiments', () => {
  it('assigns by a stable hash of flow and person, in the expected shares', () => {
    expect(experimentBucket('7', '42')).toBe(experimentBucket('7', '42'));
    expect(experimentBucket('7', '42')).not.toBe(experimentBucket('8', '42'));
    const settings = { shares: [{ branch: 'A', percent: 45 }, { branch: 'B', percent: 45 }], holdout: 10 };
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const branch = assignBranch(settings, experimentBucket('1', String(i)));
      counts[branch] = (counts[branch] ?? 0) + 1;
    }
    expect(counts['A']! / 20_000).toBeCloseTo(0.45, 1);
    expect(counts['B']! / 20_000).toBeCloseTo(0.45, 1);
    expect(counts['holdout']! / 20_000).toBeCloseTo(0.1, 1);
  });

  it('compares two success rates with a two-proportion z-test and a 95% interval', () => {
    // 10% of 1000 against 13% of 1000: z ≈ 2.10, p ≈ 0.036; difference 0.03 ± 1.96 · 0.01420.
    const result = compareRates(arm('A', 1000, 100), arm('B', 1000, 130))!;
    expect(result.branch).toBe('A');
    expect(result.difference).toBeCloseTo(0.03, 10);
    expect(result.pValue).toBeCloseTo(0.0357, 3);
    expect(result.ciLow).toBeCloseTo(0.03 - 1.96 * 0.014204, 3);
    expect(result.ciHigh).toBeCloseTo(0.03 + 1.96 * 0.014204, 3);
    expect(compareRates(arm('A', 0, 0), arm('B', 10, 1))).toBeUndefined();
  });

  it('says in words whether a branch is better, against the holdout when there is one', () => {
    expect(experimentReadout([arm('A', 1000, 100), arm('B', 1000, 130)]).verdict).toBe('B beter dan A, 95% zeker');
    expect(experimentReadout([arm('A', 1000, 100), arm('B', 1000, 160)]).verdict).toBe('B beter dan A, 99% zeker');
    expect(experimentReadout([arm('A', 100, 10), arm('B', 100, 12)]).verdict).toBe('nog geen verschil');
    const withHoldout = experimentReadout([arm('A', 500, 100), arm('holdout', 500, 50)]);
    expect(withHoldout.branches.find((b) => b.name === 'A')?.versus?.branch).toBe('holdout');
    expect(withHoldout.verdict).toBe('A beter dan holdout, 99% zeker');
  });

  it('picks a winner only when every branch has enough people and the best is clearly better', () => {
    const rule = { after: 1000, confidence: 95 as const };
    expect(pickWinner([arm('A', 999, 100), arm('B', 1000, 160)], rule)).toBeUndefined();
    expect(pickWinner([arm('A', 1000, 100), arm('B', 1000, 110)], rule)).toBeUndefined();
    expect(pickWinner([arm('A', 1000, 100), arm('B', 1000, 160), arm('holdout', 10, 0)], rule)).toEqual({
      branch: 'B', reason: expect.stringMatching(/^B 16\.0% success against A 10\.0%, p = 0\.000\d, after at least 1000 per branch at 95%$/),
    });
  });
});
