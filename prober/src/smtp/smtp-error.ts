import type { SmtpStage } from "./reply-class";

/**
 * Why an SMTP session failed:
 * - `ECONNECTION`: the TCP connection could not be opened (refused, unreachable);
 * - `ETIMEDOUT_CONNECT`, `ETIMEDOUT_GREETING`, `ETIMEDOUT_COMMAND`, `ETIMEDOUT_TLS`: a named
 *   timeout passed; `ETIMEDOUT_DEADLINE`: the caller's deadline (its AbortSignal) fired;
 * - `EDISCONNECTED`: the server closed the connection, possibly in the middle of a reply;
 * - `EPROTOCOL`: the server sent something that is not an SMTP reply;
 * - `EREPLY_TOO_LARGE`: the server sent a reply past the reader's caps (lines or bytes, see
 *   reply-reader.ts); the session ends, and the replies read before it stand;
 * - `ETLS`: the STARTTLS handshake failed;
 * - `EREFUSED`: the server refused the session with a reply (a 421 or 554 greeting, EHLO and
 *   HELO both rejected); the reply is in `responseCode`, `enhancedCode` and `response`;
 * - `EABANDONED`: the prober stopped waiting for the rest of a pipelined group at a server
 *   that answers its refusals seconds late (a tarpit), to ask about them in other sessions.
 */
export type SmtpErrorCode =
  | "ECONNECTION"
  | "ETIMEDOUT_CONNECT"
  | "ETIMEDOUT_GREETING"
  | "ETIMEDOUT_COMMAND"
  | "ETIMEDOUT_TLS"
  | "ETIMEDOUT_DEADLINE"
  | "EDISCONNECTED"
  | "EPROTOCOL"
  | "EREPLY_TOO_LARGE"
  | "ETLS"
  | "EREFUSED"
  | "EABANDONED";

export interface SmtpErrorDetails {
  /** The verb of the command that failed (`EHLO`, `RCPT TO`), never its argument: errors get logged, addresses must not. */
  readonly command: string;
  readonly stage: SmtpStage;
  /** The server's text: the refusing reply, the unfinished reply, or the line that broke the protocol. */
  readonly response?: string | null;
  readonly responseCode?: number | null;
  readonly enhancedCode?: string | null;
}

/**
 * The one error class of the SMTP client, shaped like nodemailer's smtp-connection errors.
 *
 * @example
 * throw new SmtpError("ETIMEDOUT_GREETING", "no greeting within 5000 ms", { command: "CONNECT", stage: "connect" });
 */
export class SmtpError extends Error {
  override readonly name = "SmtpError";
  readonly code: SmtpErrorCode;
  readonly command: string;
  readonly stage: SmtpStage;
  readonly response: string | null;
  readonly responseCode: number | null;
  readonly enhancedCode: string | null;

  constructor(code: SmtpErrorCode, message: string, details: SmtpErrorDetails) {
    super(message);
    this.code = code;
    this.command = details.command;
    this.stage = details.stage;
    this.response = details.response ?? null;
    this.responseCode = details.responseCode ?? null;
    this.enhancedCode = details.enhancedCode ?? null;
  }
}
