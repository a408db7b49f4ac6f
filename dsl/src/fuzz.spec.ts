import { describe, expect, it } from '@jest/globals';
import { fuzz, noiseOrSalad } from './testing/fuzz-inputs.js';

// Fixed and printed, so a failure in CI reproduces; FUZZ_SEED=<n> runs another sequence locally.
const SEED = Number(process.env['FUZZ_SEED'] ?? 42_422_026);
const INPUTS = 40_000;

describe('fuzz: noise and word salad', () => {
  it(`${INPUTS} inputs never throw and give well-formed diagnostics (seed ${SEED})`, () => {
    console.info(`fuzz (noise) seed: ${SEED}`);
    expect(fuzz(SEED, INPUTS, noiseOrSalad)).toBeGreaterThanOrEqual(0);
  });
});
