/**
 * Python's `random.Random(seed)` (MT19937, seeded as CPython seeds it), for
 * the lookups whose output Ansible makes reproducible with a seed: a text
 * seed is its UTF-8 bytes followed by their SHA-512, read as one big integer.
 * Only `choice` is needed.
 */
import { createHash } from 'node:crypto';

const N = 624;
const M = 397;

export class PythonRandom {
  readonly #state = new Uint32Array(N);
  #index = N;

  constructor(seed: string | number) {
    this.#initByArray(keyWords(seed));
  }

  /** `random.choice(text)`: one character, drawn as CPython's _randbelow does. */
  choice(text: string): string {
    const count = text.length;
    const bits = count.toString(2).length;
    let drawn = this.#bits(bits);
    while (drawn >= count) drawn = this.#bits(bits);
    return text[drawn]!;
  }

  #bits(count: number): number {
    return this.#next() >>> (32 - count);
  }

  #initGenrand(seed: number): void {
    const mt = this.#state;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i += 1) {
      const previous = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, previous) + i) >>> 0;
    }
  }

  #initByArray(key: readonly number[]): void {
    this.#initGenrand(19650218);
    const mt = this.#state;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k -= 1) {
      const previous = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(previous, 1664525)) + key[j]! + j) >>> 0;
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
      mt[i] = ((mt[i]! ^ Math.imul(previous, 1566083941)) - i) >>> 0;
      i += 1;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.#index = N;
  }

  #next(): number {
    const mt = this.#state;
    if (this.#index >= N) {
      for (let k = 0; k < N; k += 1) {
        const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % N]! & 0x7fffffff);
        mt[k] = mt[(k + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.#index = 0;
    }
    let y = mt[this.#index]!;
    this.#index += 1;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

/** The seed as CPython's init_by_array key: 32-bit words of the integer, least significant first. */
function keyWords(seed: string | number): number[] {
  let value: bigint;
  if (typeof seed === 'number') value = BigInt(Math.abs(Math.trunc(seed)));
  else {
    const bytes = Buffer.from(seed, 'utf8');
    const all = Buffer.concat([bytes, createHash('sha512').update(bytes).digest()]);
    value = BigInt(`0x${all.toString('hex')}`);
  }
  const words: number[] = [];
  while (value > 0n) {
    words.push(Number(value & 0xffffffffn));
    value >>= 32n;
  }
  return words.length > 0 ? words : [0];
}
