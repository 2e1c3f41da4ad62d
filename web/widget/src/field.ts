import type { WidgetConfig } from "./config";
import { Hint } from "./hint";
import { type Answer, lookup } from "./lookup";
import { messagesFor } from "./messages";
import { refusal } from "./refusal";

/** How long typing must pause before the widget checks what is there. */
const DEBOUNCE_MS = 800;
/** Typing is checked only once it looks like a whole address; leaving the field always is. */
const LOOKS_WHOLE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/**
 * One e-mail field under the widget's care: checks on blur and after typing pauses, says what it
 * found under the field, and refuses the address through the field's own validity, so the
 * browser refuses the form's submit and says why. A new value first forgets everything said
 * about the old one and aborts its check.
 *
 * @example
 * const field = new EmailField(input, config);
 * await field.check(); // the answer for what the field holds now, if any, is shown
 */
export class EmailField {
  readonly input: HTMLInputElement;
  /** True while the page's block list refuses the address in the field. */
  refused = false;
  readonly #config: WidgetConfig;
  readonly #hint: Hint;
  /** The value the last check was for, and that check while it runs. */
  #checked = "";
  #pending: Promise<void> | undefined;
  #controller: AbortController | undefined;
  #debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(input: HTMLInputElement, config: WidgetConfig) {
    this.input = input;
    this.#config = config;
    this.#hint = new Hint(input);
    input.addEventListener("blur", () => void this.check());
    input.addEventListener("input", () => this.#changed());
  }

  /**
   * Checks what the field holds unless that was the last value checked. Returns the check while
   * it runs (it ends within the time budget), or undefined when there is nothing to wait for.
   */
  check(): Promise<void> | undefined {
    clearTimeout(this.#debounce);
    const email = this.input.value.trim();
    if (email === this.#checked) return this.#pending;
    this.#forget();
    this.#checked = email;
    // An empty field, or one the browser already refuses as malformed, needs no answer from us.
    if (!email || this.input.validity.typeMismatch) return undefined;
    const controller = (this.#controller = new AbortController());
    const pending = lookup(email, this.#config, controller).then((answer) => {
      if (this.#pending !== pending) return;
      this.#pending = undefined;
      if (answer) this.#show(answer);
    });
    return (this.#pending = pending);
  }

  #changed(): void {
    this.#forget();
    this.#checked = "";
    clearTimeout(this.#debounce);
    if (LOOKS_WHOLE.test(this.input.value.trim())) this.#debounce = setTimeout(() => void this.check(), DEBOUNCE_MS);
  }

  /** Drops the check in flight and whatever was said about an earlier value. */
  #forget(): void {
    this.#controller?.abort();
    this.#pending = undefined;
    this.refused = false;
    this.input.setCustomValidity("");
    this.input.removeAttribute("aria-invalid");
    this.#hint.clear();
  }

  #show(answer: Answer): void {
    const messages = messagesFor(this.#config.lang);
    const why = refusal(answer, this.#config.block);
    const domain = answer.domain?.name ?? this.#checked.split("@").pop() ?? "";
    const refused = why && messages.refusals[why].replace("{domain}", domain);
    const address = answer.suggestion;
    this.refused = !!refused;
    if (refused) {
      const hint = address ? ` ${messages.didYouMean}${address}${messages.didYouMeanEnd}` : "";
      this.input.setCustomValidity(refused + hint);
      this.input.setAttribute("aria-invalid", "true");
    }
    if (!refused && !address) return;
    this.#hint.show({
      refusal: refused,
      suggestion: address ? { before: messages.didYouMean, address, after: messages.didYouMeanEnd, pick: () => this.#pick(address) } : undefined,
    });
  }

  /** Puts the suggested address in the field as if typed, so the page's own listeners see it too. */
  #pick(address: string): void {
    // The prototype's setter, because frameworks such as React watch the element's own one.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(this.input, address);
    this.input.dispatchEvent(new Event("input", { bubbles: true }));
    this.input.dispatchEvent(new Event("change", { bubbles: true }));
    this.input.focus();
    void this.check();
  }
}
