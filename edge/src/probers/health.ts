/**
 * What this isolate has seen of each prober lately. A prober that failed is passed over for a
 * cool-down that doubles with each failure in a row (up to a ceiling), so a dead prober costs
 * one timeout now and then instead of one per request; one success clears it.
 */
const BASE_COOL_DOWN_MS = 5_000;
const MAX_COOL_DOWN_MS = 5 * 60_000;

interface ProberHealth {
  failuresInARow: number;
  avoidUntil: number;
}

export class ProberHealthBook {
  readonly #health = new Map<string, ProberHealth>();

  /**
   * @example
   * book.failed("eu1"); book.isAvoided("eu1"); // true for a while
   */
  failed(proberId: string, now = Date.now()): void {
    const failuresInARow = (this.#health.get(proberId)?.failuresInARow ?? 0) + 1;
    const coolDown = Math.min(MAX_COOL_DOWN_MS, BASE_COOL_DOWN_MS * 2 ** (failuresInARow - 1));
    this.#health.set(proberId, { failuresInARow, avoidUntil: now + coolDown });
  }

  succeeded(proberId: string): void {
    this.#health.delete(proberId);
  }

  isAvoided(proberId: string, now = Date.now()): boolean {
    return (this.#health.get(proberId)?.avoidUntil ?? 0) > now;
  }
}
