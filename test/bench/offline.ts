import validate from "deep-email-validator";
import validator from "validator";
import { checkOffline } from "../../shared/verify/offline";
import { generateAddresses } from "./addresses";
import { measure, type Measurement } from "./measure";

const LIST_SIZE = 200_000;
// deep-email-validator is asynchronous and far slower; a slice keeps the run short and the
// rate is per address all the same.
const DEEP_SLICE = 20_000;

/**
 * The offline pipeline against validator.js `isEmail` alone and deep-email-validator with its
 * network checks off, over the same generated list, in this process.
 */
export async function benchOffline(): Promise<Measurement[]> {
  const list = generateAddresses(LIST_SIZE);
  const slice = list.slice(0, DEEP_SLICE);
  let sink = 0;
  const ours = await measure("mailvet offline pipeline (syntax, IDN, disposable, role, free, typo, gibberish)", list.length, () => {
    for (const email of list) sink += checkOffline(email).reasons.length;
  });
  const isEmail = await measure("validator.js isEmail (syntax only)", list.length, () => {
    for (const email of list) sink += validator.isEmail(email) ? 1 : 0;
  });
  const deep = await measure("deep-email-validator (regex, typo, disposable; MX and SMTP off)", slice.length, async () => {
    for (const email of slice) {
      const result = await validate({ email, validateRegex: true, validateTypo: true, validateDisposable: true, validateMx: false, validateSMTP: false });
      sink += result.valid ? 1 : 0;
    }
  });
  if (sink < 0) console.log(sink); // keeps the work from being optimised away
  return [ours, isEmail, deep];
}
