/** Which part of the data a name or word serves: fitting the model, choosing its threshold, or measuring it. */
export type Split = "train" | "validation" | "test";

/**
 * The split a token belongs to, from a hash of the token itself: the same name lands in the
 * same split whichever list it came from, so no held-out name was ever seen in training.
 * About 70% train, 10% validation, 20% test.
 *
 * @example
 * splitOf("smith"); // always the same split for "smith"
 */
export function splitOf(token: string): Split {
  const bucket = fnv1a(token) % 10;
  return bucket < 2 ? "test" : bucket === 2 ? "validation" : "train";
}

/** 32-bit FNV-1a: a stable, well-spread hash of a short string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
