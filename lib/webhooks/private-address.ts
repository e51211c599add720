import { BlockList, isIP } from "node:net";

// Addresses no webhook may reach outside development: loopback, private networks, link-local (cloud
// metadata at 169.254.169.254), carrier-grade NAT, benchmarking, multicast and reserved ranges (RFC 6890).
// Node's own BlockList does the matching; the ranges are the only thing written here (decision 0061).
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  // ::/96: the unspecified and loopback addresses and the deprecated IPv4-compatible form (::7f00:1 is
  // 127.0.0.1). Not ::/8: BlockList matches IPv4 addresses against IPv6 rules as ::ffff:a.b.c.d, so ::/8
  // would refuse every IPv4 address. IPv4-mapped addresses are judged by the IPv4 rules already.
  ["::", 96],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  // Teredo and 6to4 carry an IPv4 address inside (2002:7f00:1:: is 127.0.0.1); both are deprecated.
  ["2001::", 32],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  // Site-local (deprecated by RFC 3879, still routed inside some networks).
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

/** True for an address a webhook must not be sent to outside development (loopback, private, link-local…). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  return blocked.check(address, "ipv6");
}
