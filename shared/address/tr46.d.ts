/**
 * Types for tr46 7.x (UTS #46), which ships none. @types/tr46 describes 5.x, whose `toASCII`
 * threw instead of returning null and whose `toUnicode` returned a bare string.
 */
declare module "tr46" {
  export interface Uts46Options {
    checkHyphens?: boolean;
    checkBidi?: boolean;
    checkJoiners?: boolean;
    useSTD3ASCIIRules?: boolean;
    transitionalProcessing?: boolean;
    ignoreInvalidPunycode?: boolean;
  }

  export interface ToASCIIOptions extends Uts46Options {
    verifyDNSLength?: boolean;
  }

  /** The A-label form, or null when any label is invalid. */
  export function toASCII(domainName: string, options?: ToASCIIOptions): string | null;

  /** The U-label form, with `error` set when any label is invalid. */
  export function toUnicode(domainName: string, options?: Uts46Options): { domain: string; error: boolean };
}
