/**
 * A seeded pseudo-random source (mulberry32): the replay makes the same world, the same
 * scores and so the same results every time it runs with the same seed.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * A source of its own for one entity, from the seed and the entity's stable names (a round,
   * an expert, an achievement): its draws do not depend on what else was drawn before it, nor
   * on the order the platform hands things back in.
   */
  static of(seed: number, ...names: string[]): Random {
    // FNV-1a over the seed and the names, then one mulberry step to spread nearby seeds.
    let h = 0x811c9dc5 ^ (seed >>> 0);
    for (const ch of `${seed}|${names.join('|')}`) {
      h ^= ch.codePointAt(0)!;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    const mixed = new Random(h);
    return new Random(Math.floor(mixed.next() * 4294967296));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, maxInclusive: number): number {
    return Math.floor(this.between(min, maxInclusive + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}
