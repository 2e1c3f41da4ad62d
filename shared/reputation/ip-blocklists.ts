import { codeTable, type CodeReading } from "./list-check";

/** An IP block list: where to ask and how to read its answers. */
export interface IpBlocklist {
  id: string;
  name: string;
  /** The public zone. */
  zone: string;
  /** Whether the list answers for IPv6 addresses; IPv4-only lists are not asked about IPv6. */
  ipv6: boolean;
  readCode: (code: string) => CodeReading;
  removal: string;
}

const SPAMHAUS_REMOVAL = "https://check.spamhaus.org/";

/**
 * The IP block lists that are alive and that mail servers use (SORBS closed in 2024 and is not
 * here). Spamhaus ZEN bundles SBL, CSS, XBL, DROP and PBL; with a DQS key it is asked at
 * `<key>.zen.dq.spamhaus.net` (see `checkIpBlocklists`).
 *
 * @example
 * IP_BLOCKLISTS.map((list) => list.id); // ["spamhaus-zen", "barracuda", "spamcop", "psbl", "mailspike", "dronebl"]
 */
export const IP_BLOCKLISTS: readonly IpBlocklist[] = [
  {
    id: "spamhaus-zen",
    name: "Spamhaus ZEN",
    zone: "zen.spamhaus.org",
    ipv6: true,
    readCode: codeTable({
      2: "SBL: Spamhaus lists this address as a spam source or spam operation",
      3: "SBL CSS: Spamhaus saw low-reputation or snowshoe mail from this address",
      4: "XBL: a hijacked or infected machine (exploit, botnet) sends from this address",
      5: "XBL: a hijacked or infected machine (exploit, botnet) sends from this address",
      6: "XBL: a hijacked or infected machine (exploit, botnet) sends from this address",
      7: "XBL: a hijacked or infected machine (exploit, botnet) sends from this address",
      9: "DROP: the network is hijacked or run by criminals",
      10: "PBL: the network's owner says this address must not send mail directly to other servers",
      11: "PBL: Spamhaus lists this range as end-user addresses that must not send mail directly",
    }),
    removal: SPAMHAUS_REMOVAL,
  },
  {
    id: "barracuda",
    name: "Barracuda Reputation Block List",
    zone: "b.barracudacentral.org",
    ipv6: false,
    readCode: codeTable({ 2: "Barracuda lists this address for sending spam" }),
    removal: "https://www.barracudacentral.org/rbl/removal-request",
  },
  {
    id: "spamcop",
    name: "SpamCop",
    zone: "bl.spamcop.net",
    ipv6: false,
    readCode: codeTable({ 2: "SpamCop users reported spam from this address" }),
    removal: "https://www.spamcop.net/bl.shtml",
  },
  {
    id: "psbl",
    name: "Passive Spam Block List",
    zone: "psbl.surriel.com",
    ipv6: false,
    readCode: codeTable({ 2: "PSBL's spam traps received mail from this address" }),
    removal: "https://psbl.org/listing",
  },
  {
    id: "mailspike",
    name: "Mailspike",
    zone: "bl.mailspike.net",
    ipv6: false,
    readCode: codeTable({ 2: "Mailspike lists this address for spam or a very poor reputation" }),
    removal: "https://mailspike.io/ip_verify",
  },
  {
    id: "dronebl",
    name: "DroneBL",
    zone: "dnsbl.dronebl.org",
    ipv6: true,
    readCode: codeTable({
      3: "DroneBL: an IRC drone",
      5: "DroneBL: a bottler",
      6: "DroneBL: an unknown spambot or drone",
      7: "DroneBL: a DDoS drone",
      8: "DroneBL: an open SOCKS proxy",
      9: "DroneBL: an open HTTP proxy",
      10: "DroneBL: a proxy chain",
      11: "DroneBL: an open web page proxy",
      12: "DroneBL: an open DNS resolver",
      13: "DroneBL: a brute-force attacker",
      14: "DroneBL: an open Wingate proxy",
      15: "DroneBL: a compromised router or gateway",
      16: "DroneBL: an autorooting worm",
      17: "DroneBL: an automatically detected botnet address",
      19: "DroneBL: an abused VPN service",
    }),
    removal: "https://dronebl.org/lookup",
  },
];
