import { isIPv4, isIPv6 } from "node:net";

/**
 * The key a client address is counted under for the visitor quotas: an IPv4 address as is, an IPv6
 * address by its /64 prefix (one subscriber usually gets a whole /64, so counting single IPv6 addresses
 * would let one visitor rotate through billions), an IPv4-mapped IPv6 address as its IPv4 address.
 * Anything else (e.g. "unknown") is returned unchanged.
 */
export function quotaAddressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("%")[0]!.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = address.includes("::")
    ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
