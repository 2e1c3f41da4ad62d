/**
 * The widget's styles, inside its shadow root so they cannot reach the page. The colour falls back
 * to one that reads on light pages where light-dark() is not supported; pages restyle the parts
 * with `mailvet-hint::part(message|refusal|suggestion)`.
 */
const STYLE =
  ":host{display:block}p{margin:.3em 0 0;font-size:.875em;line-height:1.4}" +
  "[part=refusal]{color:#b42318;color:light-dark(#b42318,#ffb4ab)}" +
  "button{font:inherit;color:inherit;background:none;border:0;padding:0;text-decoration:underline;cursor:pointer}";

let count = 0;

/** What the hint says: a refusal, a suggested address, or both. */
export interface HintContent {
  refusal?: string | undefined;
  suggestion?: { before: string; address: string; after: string; pick: () => void } | undefined;
}

/**
 * The message under an e-mail field: a `<mailvet-hint>` right after it, its content in a shadow
 * root. It is the field's `aria-describedby` and a polite live region, so screen readers hear
 * what it says; it is in the page from the start (empty, no height) because a live region that
 * appears together with its text is often not announced.
 *
 * @example
 * const hint = new Hint(input);
 * hint.show({ refusal: "This mailbox does not exist." });
 */
export class Hint {
  readonly #root: ShadowRoot;

  constructor(input: HTMLInputElement) {
    const host = document.createElement("mailvet-hint");
    host.id = `mailvet-hint-${++count}`;
    host.setAttribute("aria-live", "polite");
    this.#root = host.attachShadow({ mode: "open" });
    input.after(host);
    const describedBy = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", describedBy ? `${describedBy} ${host.id}` : host.id);
  }

  show({ refusal, suggestion }: HintContent): void {
    const style = document.createElement("style");
    style.textContent = STYLE;
    const message = part("p", "message");
    if (refusal) message.append(part("span", "refusal", refusal));
    if (suggestion) {
      const button = part("button", "suggestion", suggestion.address);
      button.type = "button";
      button.addEventListener("click", suggestion.pick);
      message.append(refusal ? " " : "", suggestion.before, button, suggestion.after);
    }
    this.#root.replaceChildren(style, message);
  }

  clear(): void {
    this.#root.replaceChildren();
  }
}

function part<K extends keyof HTMLElementTagNameMap>(tag: K, name: string, text = ""): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.setAttribute("part", name);
  element.textContent = text;
  return element;
}
