import { z } from "zod";
import { commaSeparated } from "../contract/comma-separated";
import { ipBytes } from "../net/ip-bytes";

/**
 * The kinds of value the MAILVET_* environment variables hold (shared/settings/variables.ts
 * says which variable holds which). Each turns the raw string into a typed value or fails with
 * a message that a person can act on.
 */
export const port = z
  .string()
  .regex(/^\d{1,5}$/, "must be a port number")
  .transform(Number)
  .pipe(z.number().int().min(1, "must be a port from 1 to 65535").max(65535, "must be a port from 1 to 65535"));

export const onOff = z.enum(["0", "1", "true", "false", ""], { error: "must be 1 or 0" }).transform((value) => value === "1" || value === "true");

export const commaList = (item: z.ZodType<string, string>, what: string) => commaSeparated.pipe(z.array(item).min(1, `must list at least one ${what}`));

export const httpUrl = z.url({ protocol: /^https?$/, error: "must be http(s) URLs" });

/** 127.0.0.0/8, ::1 and localhost, as the URL parser writes their host names. */
export const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * A prober's URL: https, so nobody on the way reads or changes the probes and their answers;
 * plain http only for a loopback host, which the local stack and the test suites use and where
 * nothing goes over a network.
 */
export const proberUrl = httpUrl.refine((url) => {
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || LOOPBACK_HOST.test(hostname);
}, "must be https (plain http only on a loopback address such as 127.0.0.1)");

export const proberList = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'must be JSON like [{"id":"eu1","region":"eu","url":"https://…"}]' });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.object({ id: z.string().min(1), region: z.string().min(1), url: proberUrl }).strict()).min(1, "must list at least one prober"));

/** A whole number from `min` to `max`; `unit` names what it counts, for the messages. */
export const wholeNumber = (min: number, max: number, unit = "") =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number${unit && ` of ${unit}`}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `must be at least ${min}${unit && ` ${unit}`}`)
        .max(max, `must be at most ${max}${unit && ` ${unit}`}`),
    );

export const positiveInteger = wholeNumber(1, 1_000_000);

/** A rate per second: a decimal such as 0.5 or 200. */
export const positiveRate = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "must be a number such as 5 or 0.5")
  .transform(Number)
  .pipe(z.number().positive("must be more than 0").max(1_000_000, "must be at most 1000000"));

export const hostName = z
  .string()
  .regex(/^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/, "must be a host name");

export type ProberEntry = z.infer<typeof proberList>[number];

/** An IPv4 or IPv6 address in text form. */
export const ipAddress = z.string().refine((text) => ipBytes(text) !== null, "must be IP addresses such as 192.0.2.25 or 2001:db8::25");

/** The address and port of a DNS server's text (`127.0.0.1`, `127.0.0.1:5353`, `::1`, `[::1]:5353`), or null. */
function dnsServerParts(text: string): { ip: string; port: number } | null {
  const withPort = /^\[(.+)\]:(\d{1,5})$/.exec(text) ?? /^([\d.]+):(\d{1,5})$/.exec(text);
  const [ip, port] = withPort ? [withPort[1]!, Number(withPort[2])] : [text, 53];
  return ipBytes(ip) !== null && port >= 1 && port <= 65535 ? { ip, port } : null;
}

/** A DNS server, written as Node's `dns.setServers` takes it: `127.0.0.1`, `127.0.0.1:5353`, `::1` or `[::1]:5353`. */
export const dnsServer = z
  .string()
  .refine((text) => dnsServerParts(text) !== null, "must be a resolver's IP address, optionally with a port: 127.0.0.1, 127.0.0.1:5353 or [::1]:5353");
