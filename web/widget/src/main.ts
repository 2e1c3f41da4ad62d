import { readConfig } from "./config";
import { EmailField } from "./field";
import { guardSubmits } from "./submit-guard";

/**
 * The widget's entry: `<script src="…/widget.js">` runs this once. It takes every
 * `input[type=email]` of the page, now and added later, except fields with `multiple` (lists
 * of addresses) or `data-mailvet="off"`.
 */
const SELECTOR = 'input[type="email"]:not([multiple]):not([data-mailvet="off"])';
// A page that loads the script twice gets one widget.
const LOADED = Symbol.for("mailvet.widget");

if (!(LOADED in window)) {
  Object.defineProperty(window, LOADED, { value: true });
  const config = readConfig(document.currentScript);
  const fields = new WeakMap<Element, EmailField>();

  const take = (root: ParentNode | Element) => {
    const found = [...root.querySelectorAll<HTMLInputElement>(SELECTOR)];
    if (root instanceof HTMLInputElement && root.matches(SELECTOR)) found.push(root);
    for (const input of found) if (!fields.has(input)) fields.set(input, new EmailField(input, config));
  };

  take(document);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) for (const node of mutation.addedNodes) if (node instanceof Element) take(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
  guardSubmits((element) => fields.get(element));
}
