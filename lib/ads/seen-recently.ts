/**
 * The in-memory repeat filter of ad counting: which (visitor, ad, kind) fingerprints were counted in the last
 * `windowMs`. A storm of distinct visitors must not grow the server without limit, and a beacon must not leave
 * garbage behind, so fingerprints (8 bytes of a hash) live in typed arrays (an open-addressing table, 12 bytes a
 * slot) rather than in a Map of strings (about 100 bytes an entry, each one an object for the collector to trace).
 *
 * Two generations, each covering one window: a fingerprint is a repeat when the current or the previous
 * generation holds it with a time less than one window ago. When the current generation is a window old it
 * becomes the previous one, and the previous one is dropped: everything in it was counted more than a window ago.
 * A generation grows by doubling up to `maxSlots`; once full, new visitors are not counted until the next
 * rotation (refusing a count cannot overstate an advertiser's figures; forgetting a visitor early could), and
 * that is logged once a minute.
 */
const INITIAL_SLOTS = 4096;
const MAX_LOAD = 0.75;

class Generation {
  readonly keys: Uint32Array;
  readonly seconds: Uint32Array;
  size = 0;

  constructor(readonly slots: number) {
    this.keys = new Uint32Array(slots * 2);
    this.seconds = new Uint32Array(slots);
  }

  /** The slot holding the fingerprint, or the empty slot where it would go. */
  slotOf(hi: number, lo: number): number {
    const mask = this.slots - 1;
    for (let slot = lo & mask; ; slot = (slot + 1) & mask) {
      const storedHi = this.keys[slot * 2];
      const storedLo = this.keys[slot * 2 + 1];
      if ((storedHi === hi && storedLo === lo) || (storedHi === 0 && storedLo === 0)) return slot;
    }
  }

  has(slot: number): boolean {
    return this.keys[slot * 2] !== 0 || this.keys[slot * 2 + 1] !== 0;
  }

  put(slot: number, hi: number, lo: number, second: number): void {
    if (!this.has(slot)) this.size++;
    this.keys[slot * 2] = hi;
    this.keys[slot * 2 + 1] = lo;
    this.seconds[slot] = second;
  }

  /** The same entries in a table twice the size. */
  doubled(): Generation {
    const bigger = new Generation(this.slots * 2);
    for (let slot = 0; slot < this.slots; slot++) {
      if (!this.has(slot)) continue;
      const hi = this.keys[slot * 2];
      const lo = this.keys[slot * 2 + 1];
      bigger.put(bigger.slotOf(hi, lo), hi, lo, this.seconds[slot]);
    }
    return bigger;
  }
}

export class SeenRecently {
  private current = new Generation(INITIAL_SLOTS);
  private previous: Generation | null = null;
  private startedAt: number | null = null;
  private fullLoggedAt = -Infinity;

  constructor(
    private readonly windowMs: number,
    private readonly maxSlots = 1 << 20,
  ) {}

  /**
   * Claims a fingerprint (8 bytes) at `nowMs`: true when it counts (not claimed within the window), and it is then
   * remembered from now on; false for a repeat, or when the filter is full.
   */
  claim(fingerprint: Uint8Array, nowMs: number): boolean {
    this.rotate(nowMs);
    const view = new DataView(fingerprint.buffer, fingerprint.byteOffset, 8);
    const hi = view.getUint32(0);
    // (0, 0) marks an empty slot: no fingerprint may be all zeros.
    const lo = view.getUint32(4) || 1;
    const second = Math.floor(nowMs / 1000);
    const windowSeconds = this.windowMs / 1000;
    const recent = (generation: Generation | null) => {
      if (!generation) return false;
      const slot = generation.slotOf(hi, lo);
      return generation.has(slot) && second - generation.seconds[slot] < windowSeconds;
    };
    if (recent(this.current) || recent(this.previous)) return false;
    if (this.current.size + 1 > this.current.slots * MAX_LOAD) {
      if (this.current.slots * 2 > this.maxSlots) return this.refuseWhenFull(nowMs);
      this.current = this.current.doubled();
    }
    this.current.put(this.current.slotOf(hi, lo), hi, lo, second);
    return true;
  }

  /** How many fingerprints are held (both generations), for tests and the log. */
  get size(): number {
    return this.current.size + (this.previous?.size ?? 0);
  }

  private rotate(nowMs: number): void {
    this.startedAt ??= nowMs;
    if (nowMs - this.startedAt < this.windowMs) return;
    // Two windows or more since the current generation began: nothing in either can still be recent.
    this.previous = nowMs - this.startedAt < 2 * this.windowMs ? this.current : null;
    this.current = new Generation(INITIAL_SLOTS);
    this.startedAt = nowMs;
  }

  private refuseWhenFull(nowMs: number): false {
    if (nowMs - this.fullLoggedAt >= 60_000) {
      this.fullLoggedAt = nowMs;
      console.warn(
        `ad counting: the repeat filter holds ${this.size} visitors of the last 30 minutes, its limit; new visitors ` +
          'are not counted until older ones expire (set REDIS_URL to keep the filter in Redis)',
      );
    }
    return false;
  }
}
