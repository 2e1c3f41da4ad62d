import type { EmailField } from "./field";

/**
 * Holds back the submit of a form whose e-mail check is still running (or has not started:
 * Enter straight after typing), until every check has answered or spent its time budget, then
 * submits again with the same button, so the browser's validation sees the answers. It listens
 * in the capture phase on the document, before the page's own submit handlers, which see only
 * the submit that goes through. A form with `novalidate` skips the browser's validation, so
 * there the guard refuses an address itself.
 *
 * @example
 * guardSubmits((element) => fields.get(element));
 */
export function guardSubmits(fieldOf: (element: Element) => EmailField | undefined): void {
  const holding = new WeakSet<HTMLFormElement>();
  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      const hold = () => {
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      // A second click while held would submit twice.
      if (holding.has(form)) return hold();
      const fields = [...form.elements].map(fieldOf).filter((field) => field !== undefined);
      const checks = fields.map((field) => field.check()).filter((check) => check !== undefined);
      if (checks.length > 0) {
        hold();
        holding.add(form);
        void Promise.all(checks).then(() => {
          holding.delete(form);
          if (form.isConnected) form.requestSubmit(event.submitter);
        });
        return;
      }
      const refused = fields.find((field) => field.refused);
      const skipsValidation = form.noValidate || (event.submitter as HTMLButtonElement | null)?.formNoValidate;
      if (refused && skipsValidation) {
        hold();
        refused.input.reportValidity();
      }
    },
    true,
  );
}
