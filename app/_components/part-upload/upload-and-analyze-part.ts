import type { StoredComparison } from "@/lib/small-orders/compared-with-small-orders";
import { manufacturingProcesses, processNames } from "@/quoting-engine/catalogue/catalogue";
import {
  analysisProgressFraction,
  asAnalysisStage,
  describeAnalysisProgress,
  type AnalysisProgress,
} from "@/lib/parts/describe-analysis-progress";

export interface UploadProgress {
  phase: "uploading" | "analyzing" | "done" | "failed";
  /** 0..1 of the current phase (the analysis's from the engine's real step). */
  fraction: number;
  /** While analysing: where the file stands ("Waiting: 2 files ahead", "Finding features…"). */
  stageLabel?: string;
  /** The first price, from the measurement before features: preliminary until the analysis ends. */
  preliminaryPriceCents?: number;
  /** Done: the preliminary price shown before, when the final one differs from it. */
  changedFromCents?: number;
  partId?: string;
  message?: string;
  /** The failed row's heading: what went wrong, which is not always the file (a quota, a busy server). */
  failureTitle?: string;
  /** While analysing: why it waits (the service restarting, a slow file), not a failure. */
  notice?: string;
  fromPriceCents?: number;
  /** The small-order surcharge inside `fromPriceCents`, when there is one. */
  fromSurchargeCents?: number;
  fromProcess?: string;
}

/** The heading of an upload the server refused, by its status; the message under it says what to do. */
const uploadRefusalTitles: Record<number, string> = {
  400: "Refused",
  413: "Too large",
  415: "Not a CAD file",
  429: "Upload limit reached",
  503: "Server busy",
};

interface ErrorBody {
  error?: { message?: string };
}

/** Sends the file with upload progress (fetch has none), answering the parsed JSON and status. */
function sendFile(
  file: File,
  onFraction: (fraction: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/v1/parts");
    request.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    request.setRequestHeader("content-type", "application/octet-stream");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onFraction(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () =>
      reject(new Error("The connection broke off during the upload. Check your network and try again."));
    request.send(file);
  });
}

let visitorSession: Promise<unknown> | undefined;

/** Once per page: makes sure the browser has its visitor cookie before the first upload goes out. */
function ensureVisitorSession(): Promise<unknown> {
  visitorSession ??= fetch("/api/v1/visitor-session", { method: "POST" }).catch(() => undefined);
  return visitorSession;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries of an unanswered status poll: 1 s, doubling up to 15 s; given up after five minutes. */
const firstRetryMs = 1_000;
const maxRetryMs = 15_000;
const giveUpAfterMs = 5 * 60_000;

interface PolledPart {
  status: string;
  analysisDeadlineAt?: string;
  analysisStage?: string;
  filesAhead?: number;
  preliminary?: boolean;
  failure?: { code?: string; message?: string };
}

/** One status poll: a network error or a 5xx is the service (restarting, busy), not the file. */
async function pollPart(
  partId: string,
): Promise<{ kind: "part"; part: PolledPart } | { kind: "unavailable" } | { kind: "gone" }> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/parts/${partId}`, { cache: "no-store" });
  } catch {
    return { kind: "unavailable" };
  }
  if (response.status === 404) return { kind: "gone" };
  if (!response.ok) return { kind: "unavailable" };
  try {
    return { kind: "part", part: ((await response.json()) as { part: PolledPart }).part };
  } catch {
    return { kind: "unavailable" };
  }
}

/** The cheapest price over all processes at one piece (preliminary while features are checked). */
async function cheapestPrice(
  partId: string,
): Promise<
  { cents: number; process: string; surchargeCents: number; preliminary: boolean } | null | undefined
> {
  let priced: Response;
  try {
    priced = await fetch(`/api/v1/parts/${partId}/quote`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ compare: true, quantity: 1 }),
    });
  } catch {
    return undefined;
  }
  const comparison = priced.ok
    ? ((await priced.json()) as Pick<StoredComparison, "priced"> & { preliminary?: boolean })
    : { priced: [], preliminary: false };
  const cheapest = comparison.priced[0];
  const cheapestProcess = manufacturingProcesses.find((process) => process === cheapest?.process);
  if (!cheapest || !cheapestProcess) return null;
  return {
    // One piece as the cart would charge it: with the small-order surcharge it would carry.
    cents: cheapest.totalWithSurchargeCents,
    process: processNames[cheapestProcess],
    surchargeCents: cheapest.smallOrderSurchargeCents,
    preliminary: comparison.preliminary === true,
  };
}

/**
 * Uploads one CAD file, follows its analysis (polling the part: its place in line and the engine's real
 * step), shows the first price from the measurement as soon as there is one (preliminary), and once
 * analysed asks for the final cheapest price over all processes. Reports every step through `report`.
 */
export async function uploadAndAnalyzePart(
  file: File,
  report: (progress: UploadProgress) => void,
): Promise<void> {
  try {
    await ensureVisitorSession();
    const upload = await sendFile(file, (fraction) => report({ phase: "uploading", fraction }));
    if (upload.status !== 201) {
      report({
        phase: "failed",
        fraction: 0,
        failureTitle: uploadRefusalTitles[upload.status] ?? "Upload failed",
        message:
          (upload.body as ErrorBody | null)?.error?.message ??
          `The upload failed (HTTP ${upload.status}). Try again.`,
      });
      return;
    }
    const partId = (upload.body as { part: { id: string } }).part.id;
    report({ phase: "analyzing", fraction: 0, partId });
    let progress: AnalysisProgress = {};
    let preliminaryCents: number | undefined;
    const standing = () => ({
      fraction: analysisProgressFraction(progress),
      stageLabel: describeAnalysisProgress(progress),
      ...(preliminaryCents !== undefined && { preliminaryPriceCents: preliminaryCents }),
    });
    // A file analysed before is ready as uploaded (issue 22): its one poll goes out at once.
    let delayMs = (upload.body as { part: { status?: string } }).part.status === "ANALYZED" ? 0 : 150;
    let unansweredSince: number | undefined;
    let retryMs = firstRetryMs;
    for (;;) {
      await sleep(delayMs);
      delayMs = Math.min(500, delayMs * 1.4);
      const polled = await pollPart(partId);
      if (polled.kind === "unavailable") {
        // The file is stored and queued: a restart or a busy server is no reason to give it up.
        unansweredSince ??= performance.now();
        if (performance.now() - unansweredSince > giveUpAfterMs) {
          report({
            phase: "failed",
            fraction: 0,
            partId,
            failureTitle: "Service unavailable",
            message:
              "We could not reach the service for several minutes. Your file is stored: open it again later from your parts.",
          });
          return;
        }
        report({
          phase: "analyzing",
          ...standing(),
          partId,
          notice: `The service is busy or restarting; trying again in ${Math.round(retryMs / 1000)} s. Your file is safe.`,
        });
        await sleep(retryMs);
        retryMs = Math.min(maxRetryMs, retryMs * 2);
        continue;
      }
      unansweredSince = undefined;
      retryMs = firstRetryMs;
      if (polled.kind === "gone") {
        report({
          phase: "failed",
          fraction: 0,
          failureTitle: "Part not found",
          message: "The part is no longer there. Upload the file again.",
        });
        return;
      }
      const part = polled.part;
      if (part.status === "FAILED") {
        report({
          phase: "failed",
          fraction: 1,
          partId,
          // The file was read: its surfaces just do not enclose a volume (decision 0038).
          ...(part.failure?.code === "open_surfaces" && { failureTitle: "Surfaces do not close" }),
          message: part.failure?.message ?? "The file could not be read.",
        });
        return;
      }
      if (part.status === "ANALYZED") break;
      progress = { stage: asAnalysisStage(part.analysisStage), filesAhead: part.filesAhead ?? null };
      if (part.preliminary && preliminaryCents === undefined) {
        // The exact measurement exists: its price is shown now, marked preliminary.
        const first = await cheapestPrice(partId);
        if (first?.preliminary) preliminaryCents = first.cents;
      }
      const overdue = part.analysisDeadlineAt && Date.parse(part.analysisDeadlineAt) < Date.now();
      report({
        phase: "analyzing",
        ...standing(),
        partId,
        ...(overdue && {
          notice:
            "Taking longer than expected: if the service restarted, the file is analysed again in a moment. Your file is safe.",
        }),
      });
    }
    progress = { stage: "pricing" };
    report({ phase: "analyzing", ...standing(), partId });
    const cheapest = await cheapestPrice(partId);
    report({
      phase: "done",
      fraction: 1,
      partId,
      ...(cheapest
        ? {
            fromPriceCents: cheapest.cents,
            fromProcess: cheapest.process,
            ...(cheapest.surchargeCents > 0 && { fromSurchargeCents: cheapest.surchargeCents }),
            ...(preliminaryCents !== undefined &&
              preliminaryCents !== cheapest.cents && { changedFromCents: preliminaryCents }),
          }
        : {}),
    });
  } catch (error) {
    report({ phase: "failed", fraction: 0, message: error instanceof Error ? error.message : String(error) });
  }
}
