/** email-existence ships no types; this is the one function the benches call (its index.js). */
declare module "email-existence" {
  type Callback = (error: NodeJS.ErrnoException | null, valid: boolean, undetermined?: boolean) => void;
  const emailExistence: {
    /** Checks `email` over SMTP: HELO, MAIL FROM `from` (the address itself when left out), RCPT TO `email`, on port 25 of its MX. */
    check(email: string, callback: Callback, timeoutMs?: number, from?: string): void;
  };
  export default emailExistence;
}
