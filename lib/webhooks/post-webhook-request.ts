import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isPrivateAddress } from "./private-address";

export type WebhookResponse =
  | { ok: true; status: number; excerpt: string; durationMs: number }
  | { ok: false; status: number | null; excerpt: string | null; error: string; durationMs: number };

/** How much of a receiver's answer is kept in the attempt log. */
export const responseExcerptLength = 500;

/**
 * POSTs one signed webhook. The address a host name resolves to is checked in the socket's own lookup, the
 * one the connection then uses, so a name that resolves to a public address at registration and a private one
 * now (DNS rebinding) is refused too. The whole request, answer included, must finish within `timeoutMs`.
 * Redirects are not followed (a 3xx is a failed attempt): a redirect could lead anywhere.
 */
export function postWebhookRequest(options: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivateAddresses: boolean;
}): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(options.url);
  // A literal IP address skips the lookup below: it is checked here instead.
  if (!options.allowPrivateAddresses && isLiteralPrivate(url.hostname))
    return Promise.resolve({
      ok: false,
      status: null,
      excerpt: null,
      error: `${url.hostname} is a private address`,
      durationMs: 0,
    });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (response: WebhookResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(response);
    };
    const client = url.protocol === "https:" ? https : http;
    const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
      dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
        if (error) return callback(error, "", 4);
        const list = addresses as unknown as LookupAddress[];
        const refused = list.find((entry) => isPrivateAddress(entry.address));
        if (!options.allowPrivateAddresses && refused)
          return callback(
            Object.assign(new Error(`${hostname} resolves to the private address ${refused.address}`), {
              code: "EPRIVATEADDRESS",
            }),
            "",
            4,
          );
        if (lookupOptions.all)
          return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
        callback(null, list[0]!.address, list[0]!.family);
      });
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": Buffer.byteLength(options.body).toString() },
        lookup: guardedLookup,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let length = 0;
        response.on("data", (chunk: Buffer) => {
          // Only the excerpt is kept; the rest is read and dropped so the socket is freed.
          if (length < responseExcerptLength * 4) chunks.push(chunk);
          length += chunk.length;
        });
        response.on("end", () => {
          const excerpt = Buffer.concat(chunks).toString("utf8").slice(0, responseExcerptLength);
          if (status >= 200 && status < 300) finish({ ok: true, status, excerpt, durationMs: elapsed() });
          else
            finish({ ok: false, status, excerpt, error: `answered HTTP ${status}`, durationMs: elapsed() });
        });
        response.on("error", (error) =>
          finish({ ok: false, status, excerpt: null, error: error.message, durationMs: elapsed() }),
        );
      },
    );
    const deadline = setTimeout(() => {
      request.destroy();
      finish({
        ok: false,
        status: null,
        excerpt: null,
        error: `no answer within ${options.timeoutMs} ms`,
        durationMs: elapsed(),
      });
    }, options.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => {
      finish({
        ok: false,
        status: null,
        excerpt: null,
        error: error.message,
        durationMs: elapsed(),
      });
    });
    request.end(options.body);
  });
}

function isLiteralPrivate(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, "");
  return /^[\d.]+$|:/.test(bare) && isPrivateAddress(bare);
}
