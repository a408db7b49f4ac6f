import { describe, expect, it } from '@jest/globals';
import { fuzz, mutatedProgram } from './testing/fuzz-inputs.js';

// Fixed and printed, so a failure in CI reproduces; FUZZ_SEED=<n> runs another sequence locally.
const SEED = Number(process.env['FUZZ_SEED'] ?? 42_422_026);
const INPUTS = 60_000;

describe('fuzz: mutated programs', () => {
  it(`${INPUTS} inputs never throw, and those still valid survive printing (seed ${SEED})`, () => {
    console.info(`fuzz (mutations) seed: ${SEED}`);
    // Mutations must leave a fair share of valid programs, or the round trip is barely fuzzed.
    expect(fuzz(SEED, INPUTS, mutatedProgram)).toBeGreaterThan(INPUTS / 10);
  });
});
