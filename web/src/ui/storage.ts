/**
 * localStorage that never throws: private modes and full quotas make it fail, and the app then
 * simply forgets between visits.
 *
 * @example
 * const lang = readStored("mailvet.lang");
 * writeStored("mailvet.lang", "zh");
 */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage unavailable: nothing is remembered.
  }
}
