/**
 * Reads the delay a reply asks for before a retry ("try again in 5 minutes", "Greylisted for
 * 300 seconds", milter-greylist's "come back in 00:05:00"), so a greylisted address can be
 * retried when the server will accept it and not before.
 */

// The delay must follow a word about retrying, so "limit 10 per 1 minute" is not read as one.
const RETRY_WORD = String.raw`(?:try|come back|resend|wait|again|gr[ae]ylist\w*|deferr\w*|delay\w*|blocked for|versuch\w*|essay\w*|intent\w*|попроб\w*|повтор\w*)[^.;\d]{0,30}?`;
const AMOUNT_WITH_UNIT = new RegExp(
  `${RETRY_WORD}(\\d{1,6})\\s*(hours?|hrs?|stunden?|horas?|час\\w*|minut\\w*|mins?|минут\\w*|sec\\w*|sekund\\w*|segund\\w*|секунд\\w*|[hms])(?![a-z])`,
  "iu",
);
const CLOCK = new RegExp(`${RETRY_WORD}(\\d{1,2}):(\\d{2}):(\\d{2})`, "iu");

/** A day: anything longer is not a retry delay a prober should wait for. */
const MAX_DELAY_SECONDS = 86_400;

function secondsPerUnit(unit: string): number {
  const first = unit[0]!.toLowerCase();
  if (first === "h" || first === "ч" || unit.toLowerCase().startsWith("stund")) return 3600;
  if (first === "m" || first === "м") return 60;
  return 1;
}

/**
 * The retry delay a reply's text states, in seconds, or null when it states none.
 *
 * @example
 * statedRetryDelaySeconds("Greylisted, please try again in 5 minutes"); // 300
 * statedRetryDelaySeconds("Greylisting in action, please come back in 00:05:00"); // 300
 * statedRetryDelaySeconds("Try again later"); // null
 */
export function statedRetryDelaySeconds(text: string): number | null {
  const clock = CLOCK.exec(text);
  const amount = AMOUNT_WITH_UNIT.exec(text);
  let seconds: number | null = null;
  if (clock && (!amount || clock.index <= amount.index)) {
    seconds = Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  } else if (amount) {
    seconds = Number(amount[1]) * secondsPerUnit(amount[2]!);
  }
  return seconds !== null && seconds > 0 && seconds <= MAX_DELAY_SECONDS ? seconds : null;
}
