import type { Responder } from "./scripted-server";

export interface MtaScript {
  /** EHLO keywords. Default: PIPELINING, 8BITMIME, SMTPUTF8 (add STARTTLS for TLS). */
  readonly extensions?: readonly string[];
  /** The reply to MAIL FROM, given its argument. Default: 250. */
  readonly mail?: (argument: string) => string;
  /** The reply to RCPT TO, given the address between the brackets. Default: 250. */
  readonly rcpt?: (address: string) => string;
}

/**
 * A responder that behaves like an ordinary MTA, with scriptable MAIL and RCPT replies. It
 * answers DATA with 354 like a real server, so a test can assert that DATA never came.
 *
 * @example
 * startScriptedServer({ respond: mta({ rcpt: (address) => (address.startsWith("ghost") ? "550 5.1.1 User unknown" : "250 2.1.5 Ok") }) });
 */
export function mta(script: MtaScript = {}): Responder {
  const extensions = script.extensions ?? ["PIPELINING", "8BITMIME", "SMTPUTF8"];
  return (command, session) => {
    const verb = command.slice(0, 4).toUpperCase();
    if (verb === "EHLO") return ["mx.test", ...extensions].map((line, index, all) => `250${index === all.length - 1 ? " " : "-"}${line}`).join("\r\n");
    if (verb === "HELO") return "250 mx.test";
    if (verb === "MAIL") return script.mail?.(command.slice(10)) ?? "250 2.1.0 Ok";
    if (verb === "RCPT") return script.rcpt?.(/<(.*)>/.exec(command)?.[1] ?? "") ?? "250 2.1.5 Ok";
    if (verb === "RSET" || verb === "NOOP") return "250 2.0.0 Ok";
    if (verb === "DATA") return "354 End data with <CR><LF>.<CR><LF>";
    if (command.toUpperCase() === "STARTTLS" && extensions.includes("STARTTLS")) {
      session.write("220 2.0.0 Ready to start TLS\r\n");
      session.startTls();
      return undefined;
    }
    if (verb === "QUIT") {
      session.write("221 2.0.0 Bye\r\n");
      session.end();
      return undefined;
    }
    return "502 5.5.2 Error: command not recognized";
  };
}
