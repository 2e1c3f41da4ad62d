import { styleText } from "node:util";
import type { Verdict } from "../shared/contract/taxonomy";

/** Colours text by a verdict, or leaves it as it is; formatters take one so tests see plain text. */
export type Paint = (verdict: Verdict, text: string) => string;

const VERDICT_STYLE: Record<Verdict, Parameters<typeof styleText>[0]> = {
  deliverable: ["bold", "green"],
  undeliverable: ["bold", "red"],
  risky: ["bold", "yellow"],
  unknown: ["bold", "cyan"],
};

/**
 * A Paint for one output stream: colours only where that stream is a terminal and NO_COLOR,
 * NODE_DISABLE_COLORS or FORCE_COLOR allow (node:util styleText decides).
 *
 * @example
 * const paint = paintFor(process.stdout);
 * console.log(paint("deliverable", "deliverable"));
 */
export function paintFor(stream: NodeJS.WritableStream): Paint {
  return (verdict, text) => styleText(VERDICT_STYLE[verdict], text, { stream });
}

/** A Paint that leaves text as it is. */
export const plain: Paint = (_, text) => text;

/**
 * Text from elsewhere (a mail server's reply, a host name) made safe to print: control
 * characters, which could drive the terminal, become spaces, and runs of space one.
 *
 * @example
 * printable("550 5.1.1 \x1b[2JUser\r\nunknown"); // "550 5.1.1 [2JUser unknown"
 */
export function printable(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}
