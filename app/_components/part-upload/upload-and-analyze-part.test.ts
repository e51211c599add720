import { afterEach, describe, expect, it, vi } from "vitest";
import { uploadAndAnalyzePart, type UploadProgress } from "./upload-and-analyze-part";

/** An XMLHttpRequest that accepts every upload as part "part-1". */
class AcceptingRequest {
  upload = { onprogress: null };
  status = 201;
  responseText = JSON.stringify({ part: { id: "part-1" } });
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open() {}
  setRequestHeader() {}
  send() {
    setTimeout(() => this.onload?.(), 0);
  }
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("the upload row's status polls", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("survive a broken connection and a 503 during a restart, say so, and resume to the price", async () => {
    const polls = [
      () => Promise.reject(new TypeError("Failed to fetch")),
      () => Promise.resolve(json({ error: { message: "down" } }, 503)),
      () => Promise.resolve(json({ part: { status: "ANALYZED" } })),
    ];
    vi.stubGlobal("XMLHttpRequest", AcceptingRequest);
    vi.stubGlobal(
      "fetch",
      vi.fn((url: string) => {
        if (url.endsWith("/quote")) return Promise.resolve(json({ priced: [] }));
        if (url.startsWith("/api/v1/parts/")) return polls.shift()!();
        return Promise.resolve(json({}));
      }),
    );
    const reports: UploadProgress[] = [];
    await uploadAndAnalyzePart(new File(["solid"], "cube.step"), (progress) => reports.push(progress));

    expect(reports.some((report) => report.phase === "failed")).toBe(false);
    expect(reports.map((report) => report.notice).filter(Boolean)[0]).toMatch(
      /busy or restarting; trying again in 1 s/,
    );
    expect(reports.at(-1)).toMatchObject({ phase: "done", partId: "part-1" });
  }, 20_000);
});
