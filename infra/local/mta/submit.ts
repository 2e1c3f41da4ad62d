import { openRawSmtp } from "./raw-smtp";

/**
 * Submits one message over SMTP (EHLO, MAIL, RCPT, DATA) and resolves with the server's reply to
 * the final dot; throws with the reply when a step is refused.
 *
 * @example
 * await submitMessage(SENDER_HOST, port, { from: returnPath, to: "nobody@ok.mailvet-mta.net", body: "Subject: hi\r\n\r\nhello" });
 */
export async function submitMessage(host: string, port: number, message: { from: string; to: string; body: string }): Promise<string> {
  const smtp = openRawSmtp(host, port);
  try {
    await smtp.greeting;
    const steps = ["EHLO app.mailvet-test.net", `MAIL FROM:<${message.from}>`, `RCPT TO:<${message.to}>`, "DATA"];
    for (const step of steps) {
      const reply = await smtp.send(step);
      if (reply.code >= 400) throw new Error(`${step.split(":")[0]}: ${reply.code} ${reply.lines.join(" ")}`);
    }
    // Dot-stuffing: a body line that starts with "." gets another.
    const reply = await smtp.send(`${message.body.replace(/\r?\n/g, "\r\n").replace(/^\./gm, "..")}\r\n.`);
    if (reply.code !== 250) throw new Error(`end of data: ${reply.code} ${reply.lines.join(" ")}`);
    await smtp.send("QUIT");
    return reply.lines.join(" ");
  } finally {
    smtp.close();
  }
}
