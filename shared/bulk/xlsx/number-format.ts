/** Built-in number formats that show dates or times (ECMA-376 §18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system, taking its phantom 29 February 1900 into account for dates after it. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * Whether a number format shows a date or time: a built-in date format, or a custom code with
 * d, m, y, h or s outside quoted text, escapes and [colour] or [$-locale] brackets.
 *
 * @example
 * isDateFormat(14, undefined); // true
 * isDateFormat(164, "yyyy-mm-dd"); // true
 * isDateFormat(164, '0.00" m"'); // false
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILT_IN_DATE_FORMATS.has(id)) return true;
  if (!code) return false;
  return /[dmyhs]/i.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ""));
}

/**
 * A date cell's serial number as ISO 8601 text: "2024-05-01", or "2024-05-01 13:30:00" with a
 * time of day, or the serial itself when it is not a number.
 *
 * @example
 * serialToIso("45413", false); // "2024-05-01"
 * serialToIso("45413.5625", false); // "2024-05-01 13:30:00"
 */
export function serialToIso(serial: string, date1904: boolean): string {
  const days = Number(serial);
  if (!Number.isFinite(days)) return serial;
  const iso = new Date(Math.round((date1904 ? EPOCH_1904 : EPOCH_1900) + days * DAY_MS)).toISOString();
  return Number.isInteger(days) ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
