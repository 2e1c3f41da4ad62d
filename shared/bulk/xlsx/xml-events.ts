/** What the XML scanner reports: an element opening (with its attributes), closing, or text. */
export type XmlEvent =
  | { kind: "open"; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { kind: "close"; name: string }
  | { kind: "text"; text: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * A small streaming XML scanner, enough for the well-formed, machine-written XML inside an XLSX:
 * elements, attributes, text and CDATA, with the five entities and character references.
 * Namespace prefixes are dropped ("x:row" is "row"); declarations, comments and processing
 * instructions are skipped. Only the unfinished markup at a chunk's end is held over.
 *
 * @example
 * for await (const event of xmlEvents(textChunks)) if (event.kind === "open" && event.name === "row") rows++;
 */
export async function* xmlEvents(text: AsyncIterable<string>): AsyncGenerator<XmlEvent> {
  let pending = "";
  for await (const chunk of text) {
    pending += chunk;
    let at = 0;
    for (;;) {
      const lt = pending.indexOf("<", at);
      if (lt < 0) break;
      if (lt > at) yield { kind: "text", text: decodeEntities(pending.slice(at, lt)) };
      at = lt;
      const end = markupEnd(pending, lt);
      if (end < 0) break;
      const event = markupEvent(pending.slice(lt, end));
      if (event) yield event;
      at = end;
    }
    // Text before a "<" still to come could be cut in the middle of an entity, so it waits too.
    pending = pending.slice(at);
  }
  if (pending && !pending.startsWith("<")) yield { kind: "text", text: decodeEntities(pending) };
}

/** Where the markup starting at `lt` ends (just past it), or -1 if it goes on in the next chunk. */
function markupEnd(text: string, lt: number): number {
  const close = text.startsWith("<![CDATA[", lt) ? "]]>" : text.startsWith("<!--", lt) ? "-->" : ">";
  const end = text.indexOf(close, lt + 1);
  return end < 0 ? -1 : end + close.length;
}

function markupEvent(markup: string): XmlEvent | undefined {
  if (markup.startsWith("<![CDATA[")) return { kind: "text", text: markup.slice(9, -3) };
  if (markup.startsWith("<?") || markup.startsWith("<!")) return undefined;
  if (markup.startsWith("</")) return { kind: "close", name: localName(markup.slice(2, -1).trim()) };
  const selfClosing = markup.endsWith("/>");
  const body = markup.slice(1, selfClosing ? -2 : -1);
  const nameEnd = body.search(/[\s/]|$/);
  const attributes: Record<string, string> = {};
  for (const [, name = "", double, single] of body.slice(nameEnd).matchAll(ATTRIBUTE)) {
    attributes[localName(name)] = decodeEntities(double ?? single ?? "");
  }
  return { kind: "open", name: localName(body.slice(0, nameEnd)), attributes, selfClosing };
}

function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith("#x")) return safeCodePoint(Number.parseInt(entity.slice(2), 16)) ?? whole;
    if (entity.startsWith("#")) return safeCodePoint(Number.parseInt(entity.slice(1), 10)) ?? whole;
    return ENTITIES[entity] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}
