import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { AppError } from "../errors/app-error";
import { isPrivateAddress } from "./private-address";

/**
 * Refuses an endpoint URL the platform must not call (SSRF): not http(s), with a user name or password, or a
 * host that is or resolves to a loopback, private or link-local address, unless `allowPrivateAddresses`
 * (development and tests). Outside development the URL must be https: the body carries business data.
 * Delivery checks the resolved address again (post-webhook-request.ts), for names that change later.
 */
export async function checkWebhookUrl(raw: string, allowPrivateAddresses: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError("validation_failed", "Enter the full address, e.g. https://erp.example.com/hooks.", {
      field: "url",
    });
  }
  const refuse = (message: string) => new AppError("validation_failed", message, { field: "url" });
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw refuse("The address must start with https://.");
  if (url.protocol === "http:" && !allowPrivateAddresses)
    throw refuse("The address must start with https://: events carry your business data.");
  if (url.username || url.password)
    throw refuse("Leave user name and password out of the address; the signature proves the sender.");
  if (allowPrivateAddresses) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host.endsWith(".internal") ||
    host.endsWith(".local")
  )
    throw refuse(`${host} is a local name; enter an address reachable from the internet.`);
  const addresses = isIP(host) ? [host] : await resolve(host);
  const blocked = addresses.find(isPrivateAddress);
  if (blocked)
    throw refuse(
      `${host} points at the private or loopback address ${blocked}; webhooks go only to addresses reachable from the internet.`,
    );
  return url;
}

async function resolve(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    throw new AppError("validation_failed", `${host} could not be found; check the address.`, {
      field: "url",
    });
  }
}
