import { EventEmitter } from "node:events";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createActionBodyCheck } from "./refuse-oversized-action-body";

function buildWithActions(actions: Record<string, string>): string {
  const distDir = mkdtempSync(path.join(os.tmpdir(), "action-limits-"));
  mkdirSync(path.join(distDir, "server"));
  const node = Object.fromEntries(
    Object.entries(actions).map(([id, key]) => {
      const [filename, exportedName] = key.split("#");
      return [id, { filename, exportedName, workers: {} }];
    }),
  );
  writeFileSync(path.join(distDir, "server", "server-reference-manifest.json"), JSON.stringify({ node }));
  return distDir;
}

function post(headers: Record<string, string>) {
  const request = Object.assign(new EventEmitter(), {
    method: "POST",
    headers,
    socket: { destroy: () => undefined },
    resume: () => undefined,
  }) as unknown as IncomingMessage;
  const sent: { status?: number; body?: string; headers: Record<string, string> } = { headers: {} };
  const response = {
    set statusCode(status: number) {
      sent.status = status;
    },
    setHeader: (name: string, value: string) => {
      sent.headers[name] = value;
    },
    end: (body: string) => {
      sent.body = body;
    },
  } as unknown as ServerResponse;
  return { request, response, sent };
}

describe("the body limit of server actions", () => {
  const distDir = buildWithActions({
    signin: "app/(auth)/actions.ts#signInAction",
    complain: "app/orders/[orderId]/actions.ts#complainAction",
    quality: "app/supplier/jobs/[orderLineId]/quality-actions.ts#uploadQualityDocumentAction",
  });
  const check = createActionBodyCheck({ distDir, development: false });

  it("refuses a text-only action announcing 2 MB with 413, before the body is read", () => {
    const { request, response, sent } = post({ "next-action": "signin", "content-length": "2097152" });
    expect(check(request, response)).toBe(true);
    expect(sent.status).toBe(413);
    expect(sent.body).toBe(
      "The form is larger than 256 KB, the most this form takes, so nothing was saved. Go back, attach smaller files and send it again.",
    );
    expect(sent.headers["content-type"]).toBe("text/plain");
  });

  it("lets a complaint with five 10 MB photos through, and refuses one larger than that", () => {
    const fits = post({ "next-action": "complain", "content-length": String(50 * 1024 * 1024) });
    expect(check(fits.request, fits.response)).toBe(false);
    const tooLarge = post({ "next-action": "complain", "content-length": String(52 * 1024 * 1024) });
    expect(check(tooLarge.request, tooLarge.response)).toBe(true);
    expect(tooLarge.sent.status).toBe(413);
  });

  it("lets a partner's 10 MB quality document through, the most its upload takes", () => {
    const fits = post({ "next-action": "quality", "content-length": String(10 * 1024 * 1024 + 4096) });
    expect(check(fits.request, fits.response)).toBe(false);
    const tooLarge = post({ "next-action": "quality", "content-length": String(11 * 1024 * 1024) });
    expect(check(tooLarge.request, tooLarge.response)).toBe(true);
    expect(tooLarge.sent.body).toMatch(/^The form is larger than 10 MB, the most this form takes/);
  });

  it("asks for a length when an action's body comes without one (chunked)", () => {
    const { request, response, sent } = post({ "next-action": "signin", "transfer-encoding": "chunked" });
    expect(check(request, response)).toBe(true);
    expect(sent.status).toBe(411);
  });

  it("leaves small action posts, other posts and unknown actions in production to the defaults", () => {
    const small = post({ "next-action": "signin", "content-length": "900" });
    expect(check(small.request, small.response)).toBe(false);
    const upload = post({ "content-length": String(90 * 1024 * 1024) });
    expect(check(upload.request, upload.response)).toBe(false);
    const unknown = post({ "next-action": "nope", "content-length": String(2 * 1024 * 1024) });
    expect(check(unknown.request, unknown.response)).toBe(true);
  });
});
