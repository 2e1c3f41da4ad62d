import { type Random, weightedPick } from "../../shared/gibberish/random";

/** The kinds of machine-made or mashed local part the detector is measured on. */
export const RANDOM_KINDS = ["alphanumeric", "letters", "keyboard mash", "hex", "base36 id"] as const;
export type RandomKind = (typeof RANDOM_KINDS)[number];

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const HEX = "0123456789abcdef";
const KEYBOARD_ROWS = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"] as const;

/**
 * A random local part of the given kind and length.
 *
 * @example
 * randomLocalPart(seededRandom(7), "hex", 12); // e.g. "3fa9c2e81b0d"
 */
export function randomLocalPart(random: Random, kind: RandomKind, length: number): string {
  switch (kind) {
    case "alphanumeric":
      return uniform(random, ALPHANUMERIC, length);
    case "letters":
      return uniform(random, LETTERS, length);
    case "hex":
      return uniform(random, HEX, length);
    case "keyboard mash":
      return keyboardMash(random, length);
    case "base36 id":
      return base36Id(random, length);
  }
}

function uniform(random: Random, alphabet: string, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += alphabet[random.int(0, alphabet.length - 1)];
  return text;
}

/**
 * A hand sliding over a QWERTY keyboard: mostly on to the next key in the direction it was
 * going ("asdf", "poiu"), sometimes back, sometimes a row up or down, now and then anywhere;
 * some mashes end on the digit row ("kjhdsf8734").
 */
function keyboardMash(random: Random, length: number): string {
  const digitTail = random.next() < 0.4 ? random.int(2, Math.min(5, length - 4)) : 0;
  let row = random.int(1, 3);
  let column = random.int(0, KEYBOARD_ROWS[row]!.length - 1);
  let step = random.next() < 0.5 ? -1 : 1;
  let text = "";
  for (let i = 0; i < length; i++) {
    if (i === length - digitTail) row = 0;
    else if (i > 0) {
      const move = weightedPick(random, [
        [0.55, "on"],
        [0.15, "back"],
        [0.2, "other row"],
        [0.1, "jump"],
      ] as const);
      if (move === "back") step = -step;
      if (move === "on" || move === "back") column += step;
      else if (move === "jump") column = random.int(0, 9);
      else if (row > 0) row = row === 2 ? random.pick([1, 3]) : 2;
    }
    const keys = KEYBOARD_ROWS[row]!;
    if (column < 0 || column >= keys.length) step = -step;
    column = Math.max(0, Math.min(keys.length - 1, column));
    text += keys[column];
  }
  return text;
}

/** An id as apps mint them: a base-36 millisecond timestamp followed by random base-36 digits. */
function base36Id(random: Random, length: number): string {
  const from2015To2035 = 1.42e12 + random.next() * 6.3e11;
  const stamp = Math.floor(from2015To2035).toString(36);
  return (stamp + uniform(random, ALPHANUMERIC, length)).slice(0, length);
}
