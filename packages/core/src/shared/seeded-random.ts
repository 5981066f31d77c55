/**
 * The one seeded pseudo-random source of core (demo trajectories, bootstrap intervals): sfc32
 * seeded through splitmix32, with normal and lognormal sampling. Same seed, same sequence, on every platform that runs
 * JavaScript; no `Math.random`, no clock.
 */

/** A deterministic stream of random numbers. Each call advances the stream. */
export interface SeededRandom {
  /** The next unsigned 32-bit integer (the generator's raw output). */
  nextUint32(): number;
  /** Uniform in [0, 1), with 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [0, n); `n` must be a positive integer. */
  int(n: number): number;
  /** Standard normal (mean 0, standard deviation 1), by the Box–Muller transform. */
  normal(): number;
  /** Lognormal with the given median and sigma (the standard deviation of its logarithm). */
  lognormal(median: number, sigma: number): number;
}

const TWO_POW_32 = 4294967296;

/** One step of splitmix32: returns the next state and a well-mixed 32-bit output. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

/**
 * Creates a random stream from an integer seed. Seeds that differ in any bit below 2^53 give
 * different streams: the low and high 32-bit halves are both mixed into the state.
 */
export function createSeededRandom(seed: number): SeededRandom {
  const whole = Math.trunc(seed);
  const low = ((whole % TWO_POW_32) + TWO_POW_32) % TWO_POW_32;
  const high = Math.floor(whole / TWO_POW_32);
  let mix = (low ^ Math.imul(high | 0, 0x27d4eb2d)) | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [state, out] = splitmix32(mix);
    mix = state;
    words.push(out);
  }
  let a = words[0] ?? 0;
  let b = words[1] ?? 0;
  let c = words[2] ?? 0;
  let d = words[3] ?? 0;

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  const next = (): number => nextUint32() / TWO_POW_32;
  // The first outputs of sfc32 still echo the seed; discard them.
  for (let i = 0; i < 12; i++) next();

  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u1 = 1 - next();
    const u2 = next();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };

  return {
    nextUint32,
    next,
    int: (n) => Math.floor(next() * n),
    normal,
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
  };
}
