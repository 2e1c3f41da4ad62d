import { describe, expect, it } from "vitest";
import { normalizeAddressLiteral } from "./address-literal";

describe("normalizeAddressLiteral", () => {
  it.each(["[255.255.255.255]", "[0.0.0.0]", "[12.34.56.78]", "[001.002.003.004]"])("accepts the IPv4 literal %s as it is", (literal) => {
    expect(normalizeAddressLiteral(literal)).toBe(literal);
  });

  it.each([
    ["[IPv6:1111:2222:3333:4444:5555:6666:7777:8888]", "[IPv6:1111:2222:3333:4444:5555:6666:7777:8888]"],
    ["[IPv6:::]", "[IPv6:::]"],
    ["[IPv6:::1]", "[IPv6:::1]"],
    ["[IPv6:a1::]", "[IPv6:a1::]"],
    ["[IPv6:1111:2222:3333:4444:5555::8888]", "[IPv6:1111:2222:3333:4444:5555::8888]"],
    ["[IPv6:1111:2222:3333:4444:5555:6666::]", "[IPv6:1111:2222:3333:4444:5555:6666::]"],
    ["[IPv6:::3333:4444:5555:6666:7777:8888]", "[IPv6:::3333:4444:5555:6666:7777:8888]"],
    ["[IPv6:0123:4567:89ab:CDEF::]", "[IPv6:0123:4567:89ab:cdef::]"],
    ["[ipv6:2001:DB8::1]", "[IPv6:2001:db8::1]"],
    ["[IPv6:1111:2222:3333:4444:5555:6666:255.255.255.255]", "[IPv6:1111:2222:3333:4444:5555:6666:255.255.255.255]"],
    ["[IPv6:1111:2222:3333:4444::255.255.255.255]", "[IPv6:1111:2222:3333:4444::255.255.255.255]"],
    ["[IPv6:::12.34.56.78]", "[IPv6:::12.34.56.78]"],
    ["[IPv6:a1::b2:11.22.33.44]", "[IPv6:a1::b2:11.22.33.44]"],
  ])("accepts the IPv6 literal %s as %s", (literal, normalized) => {
    expect(normalizeAddressLiteral(literal)).toBe(normalized);
  });

  it.each([
    ["an IPv4 number over 255", "[127.0.0.999]"],
    ["an IPv4 number of four digits", "[0001.2.3.4]"],
    ["three IPv4 numbers", "[1.2.3]"],
    ["an empty IPv4 number", "[1..2.3]"],
    ["an untagged non-address", "[untaggedtext]"],
    ["a General-address-literal", "[tag:text]"],
    ["an empty literal", "[]"],
    ["a missing closing bracket", "[1.2.3.4"],
    ["a bad hex digit", "[IPv6:::G]"],
    ["a five-digit group", "[IPv6:12345::]"],
    ["seven groups", "[IPv6:1111:2222:3333:4444:5555:6666:7777]"],
    ["nine groups", "[IPv6:1111:2222:3333:4444:5555:6666:7777:8888:9999]"],
    ['"::" for one group', "[IPv6:1111:2222:3333:4444:5555:6666::8888]"],
    ['"::" for one group at the start', "[IPv6:::a2:a3:a4:b1:b2:b3:b4]"],
    ['"::" for one group at the end', "[IPv6:a1:a2:a3:a4:b1:b2:b3::]"],
    ['"::" for one group before IPv4', "[IPv6:a1:a2:a3:a4:b1::11.22.33.44]"],
    ['two "::"', "[IPv6:1::2::3]"],
    ['a ":::"', "[IPv6:1:::2]"],
    ["a single leading colon", "[IPv6::1111:2222:3333:4444:5555:6666:7777]"],
    ["an IPv4 part that is not last", "[IPv6:1.2.3.4::]"],
    ["a bad IPv4 tail", "[IPv6:::1.2.3.256]"],
    ["a missing tag", "[::1]"],
  ])("refuses %s", (_, literal) => {
    expect(normalizeAddressLiteral(literal)).toBeUndefined();
  });
});
