/**
 * The moment a chunk of `count` addresses of `domain` may start so that the job asks the domain
 * at most `perSecond` addresses a second over all its consumers, reserved in the job's
 * `domain_pace` table: each reservation moves the domain's next free moment on by the time its
 * addresses take. Reserving rather than refusing means every chunk gets its turn, in order.
 *
 * @example
 * const start = reserveDomainSlot(sql, "example.net", 50, 5, Date.now()); // now, then now + 10 s for the next chunk
 */
export function reserveDomainSlot(sql: SqlStorage, domain: string, count: number, perSecond: number, now: number): number {
  const next = sql.exec<{ at: number }>("SELECT next_free_at AS at FROM domain_pace WHERE domain = ?", domain).toArray()[0]?.at ?? now;
  const start = Math.max(now, next);
  sql.exec(
    "INSERT INTO domain_pace (domain, next_free_at) VALUES (?, ?) ON CONFLICT (domain) DO UPDATE SET next_free_at = excluded.next_free_at",
    domain,
    start + (count * 1000) / perSecond,
  );
  return start;
}
