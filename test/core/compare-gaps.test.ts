// compareGaps orders gaps as their noiseless figures order them; it only skips the rounding when
// the two are too far apart for it to matter. Held here to the rounding itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareGaps, withoutNoise } from "../../src/core/score.js";

const noiseless = (a: number, b: number) => Math.sign(withoutNoise(b) - withoutNoise(a));

/** A gap, and one near it: the same up to noise, a few units of the last digit off, or far. */
const pair = fc
  .tuple(
    fc.double({ min: 0, max: 200, noNaN: true }),
    fc.oneof(
      fc.integer({ min: -4, max: 4 }).map((ulps) => (a: number) => a + ulps * Number.EPSILON * a),
      fc
        .double({ min: -1e-8, max: 1e-8, noNaN: true })
        .map((share) => (a: number) => a * (1 + share)),
      fc
        .double({ min: -5e-12, max: 5e-12, noNaN: true })
        .map((share) => (a: number) => a * (1 + share)),
      fc.double({ min: 0, max: 200, noNaN: true }).map((b) => () => b),
    ),
  )
  .map(([a, near]) => [a, near(a)] as const);

describe("compareGaps", () => {
  it("has the sign of the difference of the noiseless gaps, the larger first", () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(Math.sign(compareGaps(a, b))).toBe(noiseless(a, b));
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    [1.25, 1.2499999999999998, 0],
    [5.625, 5.624999999999999, 0],
    [1, 2, 1],
    [2, 1, -1],
    [0.30000000000000004, 0.3, 0],
    [9.999999999999996, 10, 0],
    [0, 1e-13, 1], // noise is relative: a tiny gap is still a gap
  ])("compareGaps(%d, %d) has the sign %d", (a, b, sign) => {
    expect(Math.sign(compareGaps(a, b))).toBe(sign);
  });
});
