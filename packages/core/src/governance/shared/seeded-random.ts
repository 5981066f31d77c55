/**
 * A small seeded pseudo-random generator, so that every resampled figure (the bootstrap intervals)
 * is reproducible: the same seed gives the same numbers on every machine. Core never uses
 * Math.random.
 *
 * Algorithm: SFC32 (Chris Doty-Humphrey's Small Fast Chaotic generator, 128 bits of state, passes
 * PractRand), with its state filled from the seed by SplitMix32 and the first 12 outputs discarded.
 */

/** A stream of pseudo-random numbers determined by its seed. */
export interface GovernanceRandom {
  /** The next unsigned 32-bit integer. */
  nextUint32(): number;
  /** The next number in [0, 1), with 32 bits of resolution. */
  nextFloat(): number;
  /** The next integer in [0, n) for 1 ≤ n ≤ 2³² (bias below n / 2³², negligible for sample sizes). */
  nextIndex(n: number): number;
}

/** Creates a generator from a seed; only the low 32 bits of an integer seed matter. */
export function createGovernanceRandom(seed: number): GovernanceRandom {
  let mixState = seed >>> 0;
  const splitMix32 = (): number => {
    mixState = (mixState + 0x9e3779b9) >>> 0;
    let z = mixState;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitMix32();
  let b = splitMix32();
  let c = splitMix32();
  let d = splitMix32();

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32();

  return {
    nextUint32,
    nextFloat: () => nextUint32() / 4_294_967_296,
    nextIndex: (n: number) => Math.floor((nextUint32() / 4_294_967_296) * n),
  };
}
