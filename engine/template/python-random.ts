/**
 * Python's random.Random (MT19937 seeded by init_by_array, as CPython does),
 * so `random(seed=...)` and `shuffle(seed=...)` pick what Ansible picks for
 * the same seed. Without a seed Ansible uses the system's entropy; so does
 * `unseeded()`.
 */
import { createHash, randomInt } from 'node:crypto';

const N = 624;
const M = 397;

export interface PythonRandom {
  /** An integer in [0, n). */
  below(n: number): number;
}

export function unseeded(): PythonRandom {
  return { below: (n) => (n <= 1 ? 0 : randomInt(n)) };
}

/** Random(seed): an int seed, or a str seed hashed as Python 3's version-2 seeding does. */
export function seeded(seed: string | number): PythonRandom {
  const twister = new MersenneTwister(seedKey(seed));
  return {
    below: (n) => {
      if (n <= 0) return 0;
      const bits = n.toString(2).length;
      let value = twister.bits(bits);
      while (value >= n) value = twister.bits(bits);
      return value;
    },
  };
}

/** The 32-bit words, least significant first, of the seed as Python turns it into an int. */
function seedKey(seed: string | number): number[] {
  let big: bigint;
  if (typeof seed === 'number') {
    big = BigInt(Math.abs(Math.trunc(seed)));
  } else {
    const bytes = Buffer.from(seed, 'utf8');
    const all = Buffer.concat([bytes, createHash('sha512').update(bytes).digest()]);
    big = BigInt(`0x${all.toString('hex')}`);
  }
  const key: number[] = [];
  while (big > 0n) {
    key.push(Number(big & 0xffffffffn));
    big >>= 32n;
  }
  return key.length === 0 ? [0] : key;
}

class MersenneTwister {
  private readonly state = new Uint32Array(N);
  private index = N + 1;

  constructor(key: readonly number[]) {
    this.initialise(19650218);
    const mt = this.state;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k -= 1) {
      const previous = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (mt[i]! ^ Math.imul(previous, 1664525)) + key[j]! + j;
      i += 1;
      j += 1;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k -= 1) {
      const previous = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (mt[i]! ^ Math.imul(previous, 1566083941)) - i;
      i += 1;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  private initialise(seed: number): void {
    const mt = this.state;
    mt[0] = seed;
    for (let i = 1; i < N; i += 1) mt[i] = Math.imul(1812433253, mt[i - 1]! ^ (mt[i - 1]! >>> 30)) + i;
    this.index = N;
  }

  private next32(): number {
    const mt = this.state;
    if (this.index >= N) {
      for (let k = 0; k < N; k += 1) {
        const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % N]! & 0x7fffffff);
        mt[k] = mt[(k + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** getrandbits(k) for k up to 53 (what list lengths and ranges need). */
  bits(k: number): number {
    if (k <= 32) return this.next32() >>> (32 - k);
    const low = this.next32();
    const high = this.next32() >>> (64 - k);
    return high * 2 ** 32 + low;
  }
}
