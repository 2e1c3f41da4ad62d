import { type Random, weightedPick } from "../../shared/gibberish/random";

/** The names and words a local part is built from. */
export interface Pools {
  readonly first: readonly string[];
  readonly last: readonly string[];
  readonly words: readonly string[];
}

/** How a local part is put together, for reporting error rates by form. */
export type Shape = "first name" | "surname" | "first.last" | "last_first" | "initial+surname" | "name+digits" | "initials+digits" | "words" | "handle";

/** A real-looking local part and the form it was built in. */
export interface LocalPartSample {
  readonly text: string;
  readonly shape: Shape;
}

/** The pieces the forms are made of, each drawn afresh on every call. */
interface Pieces {
  first(): string;
  last(): string;
  initial(): string;
  word(): string;
  digits(): string;
  digit(): string;
  separator(): string;
}

type Form = readonly [weight: number, shape: Shape, build: (pieces: Pieces) => string];

/** Forms of personal addresses, weighted roughly by how often people pick them. */
export const PERSON_FORMS: readonly Form[] = [
  [3, "first name", (p) => p.first()],
  [1, "surname", (p) => p.last()],
  [6, "first.last", (p) => p.first() + p.separator() + p.last()],
  [0.5, "first.last", (p) => p.first() + p.separator() + p.initial() + p.separator() + p.last()],
  [2, "last_first", (p) => p.last() + p.separator() + p.first()],
  [2, "initial+surname", (p) => p.initial() + p.separator() + p.last()],
  [1, "initial+surname", (p) => p.last() + p.separator() + p.initial()],
  [0.5, "initial+surname", (p) => p.first() + p.initial()],
  [2, "name+digits", (p) => p.first() + p.digits()],
  [1.5, "name+digits", (p) => p.first() + p.separator() + p.last() + p.digits()],
  [1, "name+digits", (p) => p.initial() + p.last() + p.digits()],
  [0.2, "name+digits", (p) => p.digits() + p.first()],
  [1, "initials+digits", (p) => p.initial() + p.initial() + p.digits()],
  [0.3, "initials+digits", (p) => p.initial() + p.initial() + p.initial() + p.digits()],
];

/** Forms of role addresses ("contact.us") and self-chosen handles ("gamer4life"). */
export const WORD_FORMS: readonly Form[] = [
  [3, "words", (p) => p.word()],
  [2, "words", (p) => p.word() + p.separator() + p.word()],
  [0.5, "words", (p) => p.word() + p.separator() + p.word() + p.separator() + p.word()],
  [1.5, "handle", (p) => p.word() + p.word()],
  [1.5, "handle", (p) => p.word() + p.word() + p.digits()],
  [1.5, "handle", (p) => p.word() + p.digits()],
  [0.5, "handle", (p) => p.word() + p.digit() + p.word()],
  [0.5, "handle", (p) => p.first() + p.word()],
  [0.5, "handle", (p) => p.word() + p.first() + p.digits()],
];

/**
 * One local part in one of the given forms, from the given pools.
 *
 * @example
 * buildLocalPart(seededRandom(1), PERSON_FORMS, pools); // e.g. { text: "maria.lopez84", shape: "name+digits" }
 */
export function buildLocalPart(random: Random, forms: readonly Form[], pools: Pools): LocalPartSample {
  const pieces = piecesFrom(random, pools);
  const [, shape, build] = weightedPick(
    random,
    forms.map((form) => [form[0], form] as const),
  );
  return { text: build(pieces), shape };
}

function piecesFrom(random: Random, pools: Pools): Pieces {
  return {
    first: () => random.pick(pools.first),
    last: () => random.pick(pools.last),
    initial: () => random.pick(pools.first)[0]!,
    word: () => random.pick(pools.words),
    digits: () =>
      weightedPick(random, [
        [3, () => String(random.int(1950, 2012))],
        [2, () => String(random.int(0, 99)).padStart(2, "0")],
        [2, () => String(random.int(1, 99))],
        [1, () => String(random.int(100, 999))],
        [0.5, () => String(random.int(1000, 999999))],
      ] as const)(),
    digit: () => String(random.int(0, 9)),
    separator: () =>
      weightedPick(random, [
        [4, "."],
        [2, "_"],
        [1, "-"],
        [4, ""],
      ] as const),
  };
}
