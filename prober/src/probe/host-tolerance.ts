import { ERRORS_PER_SESSION, MAX_RECIPIENTS_PER_TRANSACTION, type PolitenessRule } from "./politeness";

/** Mail servers remembered before the oldest lesson is dropped. */
const MAX_SERVERS = 10_000;
/** A lesson lapses after an hour: a server's limits change, and a lucky one should be tried again. */
const LESSON_LIFETIME_MS = 3_600_000;

/** What one mail server (one address) tolerates from one client, as far as the prober knows. */
export interface HostTolerance {
  /** Rejected RCPTs (4xx or 5xx) one session may take before the next session takes over. */
  readonly errorsPerSession: number;
  /** RCPT commands in one transaction. */
  readonly recipientsPerTransaction: number;
  /** RCPT commands in one session. */
  readonly recipientsPerSession: number;
  /** Sessions open at once. */
  readonly sessions: number;
  /** Whether refusals come seconds late (tarpitting): then addresses are spread over sessions and sent few at a time. */
  readonly tarpit: boolean;
}

export interface HostMemory {
  /** What the server at `ip` tolerates: the rule's and the settings' limits, less what it taught. */
  tolerance(ip: string, rule: PolitenessRule): HostTolerance;
  /** Lowers the limits (or marks the tarpit) the server showed; a lesson never raises a limit. */
  learn(ip: string, lesson: Partial<HostTolerance>): void;
  /** Notes a session opened at `ip`; says whether one had been within the hour before (else it is a first contact). */
  meet(ip: string): boolean;
}

/**
 * Lessons per mail server address, kept for an hour since the last one, so the next request
 * starts the way the server wants to be treated rather than tripping its limits again. Per
 * address, not per name: many names pointing at one server are one server.
 *
 * @example
 * const memory = createHostMemory(2);
 * memory.learn("192.0.2.7", { errorsPerSession: 4 }); // it dropped a session at its 5th error
 * memory.tolerance("192.0.2.7", DEFAULT_RULE).errorsPerSession; // 4
 */
export function createHostMemory(perHostSessions: number, now: () => number = Date.now): HostMemory {
  const lessons = new Map<string, { lesson: Partial<HostTolerance>; until: number }>();
  const met = new Map<string, number>();
  const current = (ip: string) => {
    const entry = lessons.get(ip);
    if (entry && entry.until < now()) lessons.delete(ip);
    return entry && entry.until >= now() ? entry.lesson : {};
  };
  const lower = (learned: number | undefined, limit: number) => (learned === undefined ? limit : Math.min(learned, limit));
  return {
    tolerance(ip, rule) {
      const lesson = current(ip);
      return {
        errorsPerSession: lower(lesson.errorsPerSession, ERRORS_PER_SESSION),
        recipientsPerTransaction: lower(lesson.recipientsPerTransaction, MAX_RECIPIENTS_PER_TRANSACTION),
        recipientsPerSession: lower(lesson.recipientsPerSession, rule.recipientsPerSession),
        sessions: lower(lesson.sessions, perHostSessions),
        tarpit: lesson.tarpit ?? false,
      };
    },
    learn(ip, lesson) {
      const merged: { -readonly [K in keyof HostTolerance]?: HostTolerance[K] } = { ...current(ip) };
      for (const key of ["errorsPerSession", "recipientsPerTransaction", "recipientsPerSession", "sessions"] as const) {
        const value = lesson[key];
        if (value !== undefined) merged[key] = Math.max(1, Math.min(value, merged[key] ?? value));
      }
      if (lesson.tarpit) merged.tarpit = true;
      lessons.delete(ip);
      lessons.set(ip, { lesson: merged, until: now() + LESSON_LIFETIME_MS });
      if (lessons.size > MAX_SERVERS) lessons.delete(lessons.keys().next().value!);
    },
    meet(ip) {
      const before = (met.get(ip) ?? Number.NEGATIVE_INFINITY) >= now();
      met.delete(ip);
      met.set(ip, now() + LESSON_LIFETIME_MS);
      if (met.size > MAX_SERVERS) met.delete(met.keys().next().value!);
      return before;
    },
  };
}
