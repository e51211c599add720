import { isIP } from "node:net";

export interface Connection {
  /** The socket's peer: the client, or the nearest proxy. */
  remoteAddress: string | undefined;
  /** X-Forwarded-For as received (several headers joined by commas), if any. */
  forwardedFor: string | string[] | undefined;
}

/**
 * The client's address for one request: the socket's peer, or, behind `trustedProxyHops` proxies that each
 * append the address they saw to X-Forwarded-For, the entry that the outermost trusted proxy appended
 * (counted from the right). Entries further left were written by the client and are never believed.
 */
export function clientAddressForConnection(connection: Connection, trustedProxyHops: number): string {
  const socketAddress = normalizeAddress(connection.remoteAddress) ?? "unknown";
  if (trustedProxyHops <= 0) return socketAddress;
  const forwarded = [connection.forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The nearest proxy is the socket's peer and appended the last entry; proxy n appended entry n from the right.
  const entry = forwarded[forwarded.length - trustedProxyHops] ?? forwarded[0];
  // Fewer entries than proxies, or one that is not an address: the proxies are not what the setting says.
  return normalizeAddress(entry) ?? socketAddress;
}

/** An IP address without an IPv4-mapped prefix, or undefined for anything that is not an address. */
function normalizeAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const unmapped = address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  return isIP(unmapped) ? unmapped : undefined;
}
