import { afterEach, describe, expect, it, vi } from "vitest";
import { uploadAndAnalyzePart, type UploadProgress } from "./upload-and-analyze-part";

let uploads = 0;

/** An XMLHttpRequest that accepts every upload, as "part-1", then "part-2"… (with `numbered`). */
class AcceptingRequest {
  static numbered = false;
  upload = { onprogress: null };
  status = 201;
  responseText = JSON.stringify({
    part: { id: AcceptingRequest.numbered ? `part-${++uploads}` : "part-1", status: "UPLOADED" },
  });
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

/** The long poll's answer: the part changed (with its cheapest price once it has one). */
const changed = (part: object, cheapest?: object | null) =>
  json({ changes: [{ id: "part-1", part, ...(cheapest !== undefined && { cheapest }) }] });

describe("the upload row's status polls", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("survive a broken connection and a 503 during a restart, say so, and resume to the price", async () => {
    const polls = [
      () => Promise.reject(new TypeError("Failed to fetch")),
      () => Promise.resolve(json({ error: { message: "down" } }, 503)),
      () => Promise.resolve(changed({ status: "ANALYZED" }, null)),
    ];
    vi.stubGlobal("XMLHttpRequest", AcceptingRequest);
    vi.stubGlobal(
      "fetch",
      vi.fn((url: string) => {
        if (url === "/api/v1/parts/changes") return polls.shift()!();
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

  it("says where the file stands from the real steps, shows the preliminary price, then the final one and what it was", async () => {
    const price = (cents: number, preliminary: boolean) => ({
      process: "cnc_milling",
      cents,
      surchargeCents: 0,
      preliminary,
    });
    const polls = [
      changed({ status: "UPLOADED", filesAhead: 2 }),
      json({ changes: [] }),
      changed({ status: "ANALYZING", analysisStage: "reading" }),
      changed(
        { status: "ANALYZING", analysisStage: "finding_features", preliminary: true },
        price(5_000, true),
      ),
      changed(
        { status: "ANALYZING", analysisStage: "checking_rules", preliminary: true },
        price(5_000, true),
      ),
      changed({ status: "ANALYZED" }, price(6_200, false)),
    ];
    const asked: { parts: { id: string; tag: string }[] }[] = [];
    vi.stubGlobal("XMLHttpRequest", AcceptingRequest);
    vi.stubGlobal(
      "fetch",
      vi.fn((url: string, init?: RequestInit) => {
        if (url !== "/api/v1/parts/changes") return Promise.resolve(json({}));
        asked.push(JSON.parse(String(init?.body)));
        return Promise.resolve(polls.shift()!);
      }),
    );
    const reports: UploadProgress[] = [];
    await uploadAndAnalyzePart(new File(["solid"], "cube.step"), (progress) => reports.push(progress));

    const labels = [...new Set(reports.map((report) => report.stageLabel).filter(Boolean))];
    expect(labels).toEqual([
      "Waiting: 2 files ahead",
      "Reading the file…",
      "Finding features…",
      "Checking manufacturing rules…",
    ]);
    // Each request says what the row shows: the server answers when the part differs from it.
    expect(asked.map((body) => body.parts[0]!.tag)).toEqual([
      "",
      "UPLOADED||2|",
      "UPLOADED||2|",
      "ANALYZING|reading||",
      "ANALYZING|finding_features||preliminary",
      "ANALYZING|checking_rules||preliminary",
    ]);
    const fractions = reports
      .filter((report) => report.phase === "analyzing")
      .map((report) => report.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(reports.find((report) => report.stageLabel === "Finding features…")).toMatchObject({
      preliminaryPriceCents: 5_000,
    });
    expect(reports.at(-1)).toMatchObject({
      phase: "done",
      fromPriceCents: 6_200,
      fromProcess: "CNC milling",
      changedFromCents: 5_000,
    });
  }, 20_000);

  it("follows several rows in one long poll: a row that joins is asked about in the next request", async () => {
    AcceptingRequest.numbered = true;
    uploads = 0;
    const asked: string[][] = [];
    const steps = new Map([
      ["part-1", ["ANALYZING", "ANALYZED"]],
      ["part-2", ["ANALYZING", "ANALYZED"]],
    ]);
    vi.stubGlobal("XMLHttpRequest", AcceptingRequest);
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url !== "/api/v1/parts/changes") return json({});
        const { parts } = JSON.parse(String(init?.body)) as { parts: { id: string; tag: string }[] };
        asked.push(parts.map((part) => part.id));
        // The server answers the first followed part that has a step left.
        const next = parts.find((part) => steps.get(part.id)!.length > 0)!;
        const status = steps.get(next.id)!.shift()!;
        return json({
          changes: [
            {
              id: next.id,
              part: { status },
              ...(status === "ANALYZED" && {
                cheapest: { process: "fdm", cents: 900, surchargeCents: 0, preliminary: false },
              }),
            },
          ],
        });
      }),
    );
    const reports: UploadProgress[][] = [[], []];
    await Promise.all(
      ["a.step", "b.step"].map((name, index) =>
        uploadAndAnalyzePart(new File(["solid"], name), (progress) => reports[index]!.push(progress)),
      ),
    );
    AcceptingRequest.numbered = false;

    expect(reports.map((rows) => rows.at(-1))).toMatchObject([
      { phase: "done", fromPriceCents: 900 },
      { phase: "done", fromPriceCents: 900 },
    ]);
    expect(asked.some((ids) => ids.length === 2)).toBe(true);
  });
});
