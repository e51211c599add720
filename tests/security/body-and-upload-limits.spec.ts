import http from "node:http";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

// Hostile bodies against the running production build (issue 16, items 6, 10 and 11): the server must
// answer 413 without waiting for (or keeping) a huge body, and 400 for a NUL in a file name.

interface RawAnswer {
  status: number;
  body: string;
  /** Bytes the client had written when the answer came. */
  sentBytes: number;
  ms: number;
}

/**
 * Posts with node's http client, so the request can announce a Content-Length it never sends, or
 * stream a body without one (chunked) that would go on for `streamBytes`; writing stops once the
 * server answers. Resolves with the answer and how much was written by then.
 */
function rawPost(
  baseURL: string,
  path: string,
  options: { headers?: Record<string, string>; streamBytes: number; contentLength?: number },
): Promise<RawAnswer> {
  const startedAt = Date.now();
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const request = http.request(new URL(path, baseURL), {
      method: "POST",
      headers: {
        ...options.headers,
        ...(options.contentLength !== undefined
          ? { "content-length": String(options.contentLength) }
          : { "transfer-encoding": "chunked" }),
      },
    });
    request.on("response", (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          sentBytes,
          ms: Date.now() - startedAt,
        });
        request.destroy();
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const writeMore = () => {
      while (!answered && sentBytes < options.streamBytes) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", writeMore);
          return;
        }
      }
      if (!answered) request.end();
    };
    writeMore();
  });
}

/**
 * How much of a refused body the client may have written before it sees the answer. The server answers at once
 * and throws the rest away at full speed (answer-before-body.ts), so what the client wrote by then is how long
 * its own event loop took to notice the answer: 37.7 MB of 200 MB once on a busy 2-core CI machine. A server
 * that read the body before answering lets the client write all of it; half is the line between the two.
 */
const wellShortOf = (bodyBytes: number) => bodyBytes / 2;

test("an upload announcing more than UPLOAD_MAX_BYTES is refused with 413 before its body is read", async ({
  baseURL,
}) => {
  const answer = await rawPost(baseURL!, "/api/v1/parts", {
    headers: { "x-file-name": "huge.stl", "content-type": "application/octet-stream" },
    contentLength: 200 * 1024 * 1024,
    streamBytes: 200 * 1024 * 1024,
  });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body).error.message).toContain("upload limit of 100 MB");
  expect(answer.sentBytes).toBeLessThan(wellShortOf(200 * 1024 * 1024));
});

test("the quote API and the Stripe webhook answer 413 to streamed 200 MB bodies, having taken little of them", async ({
  baseURL,
}) => {
  for (const [path, headers] of [
    ["/api/v1/parts/no-such-part/quote", { "content-type": "application/json" }],
    ["/api/webhooks/stripe", { "content-type": "application/json", "stripe-signature": "t=1,v1=00" }],
    ["/api/webhooks/stripe-connect", { "content-type": "application/json", "stripe-signature": "t=1,v1=00" }],
  ] as const) {
    const streamed = await rawPost(baseURL!, path, { headers, streamBytes: 200 * 1024 * 1024 });
    expect(streamed.status, path).toBe(413);
    expect(streamed.sentBytes, path).toBeLessThan(wellShortOf(200 * 1024 * 1024));
    const declared = await rawPost(baseURL!, path, {
      headers,
      contentLength: 200 * 1024 * 1024,
      streamBytes: 200 * 1024 * 1024,
    });
    expect(declared.status, path).toBe(413);
  }
});

test("a NUL byte in an upload's file name is refused with 400 and a message", async ({ request }) => {
  const response = await request.post("/api/v1/parts", {
    headers: { "x-file-name": "bracket%00.stl", "content-type": "application/octet-stream" },
    data: Buffer.from("solid a\nendsolid a\n"),
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.message).toContain("control character");
});

test("Auth.js's own endpoint takes small forms and refuses large ones with 413", async ({
  baseURL,
  request,
}) => {
  const large = await rawPost(baseURL!, "/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    streamBytes: 50 * 1024 * 1024,
  });
  expect(large.status).toBe(413);
  // A normal (here: wrong, without CSRF token) sign-in post still reaches Auth.js, which answers it.
  const small = await request.post("/api/auth/callback/credentials", {
    form: { email: "nobody@example.com", password: "wrong" },
    maxRedirects: 0,
  });
  expect(small.status()).not.toBe(413);
  expect(small.status()).toBeLessThan(500);
});

test("a CAD file larger than 10 MB arrives whole: nothing in front of the route buffers or cuts the body", async ({
  request,
}) => {
  // A binary STL of 300,000 triangles (15 MB): header, count, then 50 bytes a triangle. The limits must
  // stop hostile bodies without cutting honest ones (a Next proxy would cut every body at 10 MB).
  const triangles = 300_000;
  const stl = Buffer.alloc(84 + triangles * 50);
  stl.writeUInt32LE(triangles, 80);
  for (let index = 0; index < triangles; index++) {
    const offset = 84 + index * 50 + 12;
    const x = index % 1000;
    const y = Math.floor(index / 1000);
    for (const [vertex, [dx, dy]] of [
      [0, [0, 0]],
      [1, [1, 0]],
      [2, [0, 1]],
    ] as const) {
      stl.writeFloatLE(x + dx, offset + vertex * 12);
      stl.writeFloatLE(y + dy, offset + vertex * 12 + 4);
      stl.writeFloatLE(0, offset + vertex * 12 + 8);
    }
  }
  const answer = await request.post("/api/v1/parts", {
    headers: { "x-file-name": "fifteen-megabytes.stl", "content-type": "application/octet-stream" },
    data: stl,
  });
  expect(answer.status()).toBe(201);
  const { part } = (await answer.json()) as { part: { sizeBytes: number } };
  expect(part.sizeBytes).toBe(stl.byteLength);
});

test("a server action announcing more than its form takes is refused with 413 before Next reads it", async ({
  baseURL,
}) => {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const signInActionId = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === "app/(auth)/actions.ts" && entry.exportedName === "signInAction",
  )?.[0];
  expect(signInActionId).toBeTruthy();
  const headers = { "next-action": signInActionId!, "content-type": "multipart/form-data; boundary=x" };
  const announced = await rawPost(baseURL!, "/sign-in", {
    headers,
    streamBytes: 54 * 1024 * 1024,
    contentLength: 54 * 1024 * 1024,
  });
  expect(announced.status).toBe(413);
  // Plain text, so Next's client raises the sentence itself and the error page shows it (decision 0080).
  expect(announced.body).toMatch(
    /^The form is larger than \d+ (KB|MB), the most this form takes, so nothing was saved/,
  );
  expect(announced.sentBytes).toBeLessThan(wellShortOf(54 * 1024 * 1024));
  const chunked = await rawPost(baseURL!, "/sign-in", { headers, streamBytes: 54 * 1024 * 1024 });
  expect(chunked.status).toBe(411);
});
