import { ipBytes } from "../../../shared/net/ip-bytes";
import type { DoctorCheck } from "../../../shared/contract/doctor";
import { passed, problem } from "./check";

/**
 * Names that say "a dynamic or unnamed customer address": ISPs and clouds give these by default,
 * and block lists such as Spamhaus PBL and many servers treat mail from them as a botnet's.
 */
const GENERIC_NAME = [
  /\b(?:ip|host|client|customer|cust|user|dhcp|ppp|dsl|adsl|xdsl|vdsl|cable|dialup|dial|dyn|dynamic|pool|static|broadband|fttx|ftth)[-.]?\d/,
  /\b\d{1,3}[-.]\d{1,3}[-.]\d{1,3}[-.]\d{1,3}\b/,
  /(?:^|[.-])(?:dynamic|dyn|dhcp|pool|dsl|adsl|dialup|ppp|broadband|static|unassigned|unknown|nat)(?:[.-]|$)/,
  /\.compute(?:-\d)?\.amazonaws\.com$|\.compute\.internal$|\.bc\.googleusercontent\.com$|\.cloudapp\.net$|\.cloudapp\.azure\.com$/,
  /(?:^|\.)(?:your-server\.de|vps\.ovh\.net|ip-\d+-\d+-\d+\.\w+)$/,
];

/** Big providers' domains: a HELO in one of them is a forgery to every server, and got a verifier's IP on Spamhaus. */
const BIG_PROVIDERS = [
  "gmail.com",
  "google.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "microsoft.com",
  "yahoo.com",
  "aol.com",
  "icloud.com",
  "apple.com",
  "gmx.net",
  "gmx.de",
  "web.de",
  "mail.ru",
  "yandex.ru",
  "qq.com",
  "163.com",
  "proton.me",
  "protonmail.com",
  "zoho.com",
];

/**
 * What is wrong with a HELO name on its own, or null when nothing is: `localhost`, a bare IP
 * (or an address literal), a name without a dot, a generic ISP or cloud name, a big provider's.
 *
 * @example
 * heloNameProblem("probe.example.net"); // null
 * heloNameProblem("ip-10-0-0-5.ec2.internal"); // "a generic ISP or cloud name"
 * heloNameProblem("mx.gmail.com"); // "a name of gmail.com, which you do not own"
 */
export function heloNameProblem(name: string): string | null {
  const lower = name.toLowerCase().replace(/\.$/, "");
  if (lower === "localhost" || lower.startsWith("localhost.")) return "localhost";
  if (ipBytes(lower.replace(/^\[(?:ipv6:)?|\]$/g, "")) !== null) return "a bare IP address";
  if (!lower.includes(".")) return "not a fully qualified domain name";
  const provider = BIG_PROVIDERS.find((domain) => lower === domain || lower.endsWith(`.${domain}`));
  if (provider !== undefined) return `a name of ${provider}, which you do not own`;
  if (GENERIC_NAME.some((pattern) => pattern.test(lower))) return "a generic ISP or cloud name";
  return null;
}

/**
 * The `helo` check: the HELO name is one a server accepts (see `heloNameProblem`) and equals
 * the PTR name of every egress IP that has one (servers compare the two).
 *
 * @example
 * checkHelo("probe.example.net", { "192.0.2.25": "probe.example.net" }).status; // "pass"
 */
export function checkHelo(heloName: string, ptrNames: Readonly<Record<string, string | null>>): DoctorCheck {
  const fixName = "Set MAILVET_HELO_NAME to a name of a domain you own, the PTR name of your egress IP (e.g. probe1.yourdomain.com)";
  const wrong = heloNameProblem(heloName);
  if (wrong !== null)
    return problem("helo", "fail", `The HELO name ${heloName} is ${wrong}; servers reject or list senders that introduce themselves so.`, `${fixName}.`);
  const mismatched = Object.entries(ptrNames).filter(([, name]) => name !== null && name.toLowerCase() !== heloName.toLowerCase().replace(/\.$/, ""));
  if (mismatched.length > 0) {
    const [ip, name] = mismatched[0]!;
    return problem("helo", "fail", `The HELO name ${heloName} is not the PTR name of ${ip} (${name}).`, `${fixName}, or set the PTR of ${ip} to ${heloName}.`, {
      ptr: ptrNames,
    });
  }
  return passed("helo", `The HELO name ${heloName} is a proper name${Object.keys(ptrNames).length > 0 ? " and the PTR name of the egress IP" : ""}.`);
}
