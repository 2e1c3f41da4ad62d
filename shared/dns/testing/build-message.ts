import { RECORD_CODES, type DnsMessage, type RecordData, type ResourceRecord } from "../message";

export type MessageSpec = Partial<DnsMessage>;

/**
 * Test support: the wire form of a message, optionally with RFC 1035 name compression, so
 * tests can hand the parser and the client exactly the packet they mean. Names are plain
 * labels (no escapes); SOA records get fixed server and mailbox names.
 *
 * @example
 * buildMessage({ isResponse: true, answers: [{ name: "a.example", ttl: 60, data: { type: "A", address: "192.0.2.1" } }] });
 */
export function buildMessage(spec: MessageSpec, options: { compress?: boolean } = {}): Uint8Array {
  const out: number[] = [];
  const suffixOffsets = new Map<string, number>();
  const u16 = (value: number) => out.push((value >> 8) & 0xff, value & 0xff);
  const u32 = (value: number) => (u16(Math.floor(value / 0x10000)), u16(value % 0x10000));
  const name = (text: string) => {
    const labels = text === "" ? [] : text.split(".");
    for (let index = 0; index < labels.length; index++) {
      const suffix = labels.slice(index).join(".").toLowerCase();
      const earlier = suffixOffsets.get(suffix);
      if (options.compress && earlier !== undefined) return u16(0xc000 | earlier);
      if (out.length < 0x4000) suffixOffsets.set(suffix, out.length);
      out.push(labels[index]!.length, ...[...labels[index]!].map((char) => char.charCodeAt(0)));
    }
    out.push(0);
  };
  const rdata = (data: RecordData) => {
    switch (data.type) {
      case "A":
        return out.push(...data.address.split(".").map(Number));
      case "AAAA":
        return ipv6Groups(data.address).forEach(u16);
      case "CNAME":
        return name(data.target);
      case "MX":
        return (u16(data.preference), name(data.exchange));
      case "SOA":
        return (name("ns.invalid"), name("hostmaster.invalid"), [1, 3600, 600, 86400, data.minimum].forEach(u32));
      case "PTR":
        return name(data.name);
      case "TXT":
        return data.strings.forEach((text) => out.push(text.length, ...[...text].map((char) => char.charCodeAt(0))));
      case "other":
        return;
    }
  };
  const record = (rr: ResourceRecord) => {
    name(rr.name);
    u16(rr.data.type === "other" ? rr.data.code : RECORD_CODES[rr.data.type]);
    u16(1);
    u32(rr.ttl);
    const lengthAt = out.length;
    u16(0);
    rdata(rr.data);
    const length = out.length - lengthAt - 2;
    [out[lengthAt], out[lengthAt + 1]] = [length >> 8, length & 0xff];
  };
  const { questions = [], answers = [], authorities = [], additionals = [] } = spec;
  u16(spec.id ?? 0);
  u16((spec.isResponse ? 0x8000 : 0) | (spec.truncated ? 0x0200 : 0) | 0x0100 | (spec.rcode ?? 0));
  [questions, answers, authorities, additionals].forEach((section) => u16(section.length));
  for (const question of questions) name(question.name), u16(question.code), u16(1);
  [...answers, ...authorities, ...additionals].forEach(record);
  return new Uint8Array(out);
}

/** The eight groups of an IPv6 address in text form, "::" expanded. */
function ipv6Groups(address: string): number[] {
  const [head = "", tail] = address.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const [left, right] = [parse(head), parse(tail ?? "")];
  return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
