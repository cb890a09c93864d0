/**
 * A seeded random source (sfc32): the plan-scale generator must produce the same
 * database for the same --seed, so Math.random is never used.
 */
export class Random {
  #a: number
  #b: number
  #c: number
  #d: number

  constructor(seed: number) {
    this.#a = 0x9e3779b9
    this.#b = 0x243f6a88
    this.#c = 0xb7e15162
    this.#d = seed >>> 0
    for (let i = 0; i < 15; i++) this.next()
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0
    this.#d = (this.#d + 1) | 0
    this.#a = this.#b ^ (this.#b >>> 9)
    this.#b = (this.#c + (this.#c << 3)) | 0
    this.#c = (this.#c << 21) | (this.#c >>> 11)
    this.#c = (this.#c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  /** Log-normal with the given median; `spread` is sigma of the underlying normal. */
  logNormal(median: number, spread: number): number {
    return median * Math.exp(spread * this.normal())
  }

  normal(): number {
    const u = 1 - this.next()
    const v = this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }
}

/** Weighted choice in O(log n) after O(n) setup. */
export class Weighted<T> {
  readonly #items: T[]
  readonly #cumulative: Float64Array
  readonly #total: number

  constructor(entries: [T, number][]) {
    this.#items = entries.map(([item]) => item)
    this.#cumulative = new Float64Array(entries.length)
    let sum = 0
    entries.forEach(([, weight], index) => {
      sum += Math.max(weight, 0)
      this.#cumulative[index] = sum
    })
    if (sum <= 0) throw new Error('Weighted needs at least one positive weight')
    this.#total = sum
  }

  get items(): readonly T[] {
    return this.#items
  }

  pick(random: Random): T {
    const target = random.next() * this.#total
    let low = 0
    let high = this.#cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.#cumulative[middle] > target) high = middle
      else low = middle + 1
    }
    return this.#items[low]
  }
}
