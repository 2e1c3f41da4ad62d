import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collect, inChunks } from "../testing/fixtures";
import { fuzzRuns, fuzzTimeout } from "../testing/fuzz-runs";
import { type XmlEvent, xmlEvents } from "./xml-events";

/** The events with neighbouring text joined: how text is cut into events depends on the chunks. */
function joined(events: XmlEvent[]): XmlEvent[] {
  const out: XmlEvent[] = [];
  for (const event of events) {
    const last = out.at(-1);
    if (event.kind === "text" && last?.kind === "text") last.text += event.text;
    else out.push(event.kind === "text" ? { ...event } : event);
  }
  return out;
}

describe("xmlEvents", () => {
  it(
    "gives the same events however the text is cut (fuzz)",
    async () => {
      const xmlArb = fc
        .array(
          fc.constantFrom(
            '<c r="A1">',
            "</c>",
            "<v/>",
            "a",
            "&amp;",
            "&#x41;",
            "&#66;",
            "&lt;",
            "&",
            ";",
            "<![CDATA[<x>]]>",
            "<!-- > -->",
            "<?xml?>",
            " ",
            "é",
          ),
          { maxLength: 40 },
        )
        .map((parts) => parts.join(""));
      await fc.assert(
        fc.asyncProperty(xmlArb, fc.integer({ min: 1, max: 20 }), async (xml, size) => {
          expect(joined(await collect(xmlEvents(inChunks(xml, size))))).toEqual(joined(await collect(xmlEvents(inChunks(xml, xml.length || 1)))));
        }),
        { numRuns: fuzzRuns(300) },
      );
    },
    fuzzTimeout(),
  );

  it("passes text on as it arrives rather than holding it until the next tag", async () => {
    let fed = 0;
    async function* text() {
      yield "<t>";
      for (; fed < 100; fed++) yield "x".repeat(1000);
      yield "</t>";
    }
    const events = xmlEvents(text());
    expect((await events.next()).value).toMatchObject({ kind: "open", name: "t" });
    expect((await events.next()).value).toEqual({ kind: "text", text: "x".repeat(1000) });
    expect(fed).toBeLessThan(3);
  });

  it("reads attributes in either quotes, with spaces around =, and stops at junk without backtracking over it", async () => {
    const [tag] = await collect(xmlEvents(inChunks(`<x:c r="A1" s='2'  t = "s" x:y="&amp;"/>`, 5)));
    expect(tag).toEqual({ kind: "open", name: "c", attributes: { r: "A1", s: "2", t: "s", y: "&" }, selfClosing: true });
    // Half a megabyte of junk in one tag: a backtracking pattern took minutes over it.
    const [junk] = await collect(xmlEvents(inChunks(`<c ${"A".repeat(500_000)} r="B2">`, 65_536)));
    expect(junk).toEqual({ kind: "open", name: "c", attributes: {}, selfClosing: false });
  });

  it("refuses a tag over 1 MiB", async () => {
    await expect(collect(xmlEvents(inChunks(`<c r="${"A".repeat(2 << 20)}">`, 65_536)))).rejects.toMatchObject({ code: "bad_xlsx" });
  });
});
