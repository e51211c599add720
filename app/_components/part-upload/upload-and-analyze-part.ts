import type { CheapestPiecePrice } from "@/lib/parts/part-change-tag";
import { partChangeTag } from "@/lib/parts/part-change-tag";
import { manufacturingProcesses, processNames } from "@/quoting-engine/catalogue/catalogue";
import {
  analysisProgressFraction,
  asAnalysisStage,
  describeAnalysisProgress,
  type AnalysisProgress,
} from "@/lib/parts/describe-analysis-progress";
import { nextPartChange, type FollowedPart, type NextPartChange } from "./next-part-change";

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

/**
 * Once per page: makes sure the browser has its visitor cookie before the first upload goes out. The
 * upload area asks when it shows, so that a drop does not wait for it.
 */
export function ensureVisitorSession(): Promise<unknown> {
  visitorSession ??= fetch("/api/v1/visitor-session", { method: "POST" }).catch(() => undefined);
  return visitorSession;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries of an unanswered status poll: 1 s, doubling up to 15 s; given up after five minutes. */
const firstRetryMs = 1_000;
const maxRetryMs = 15_000;
const giveUpAfterMs = 5 * 60_000;

/** The row's price from the long poll's cheapest (docs/decisions/0070), with the process's name. */
function asRowPrice(cheapest: CheapestPiecePrice) {
  const process = manufacturingProcesses.find((code) => code === cheapest.process);
  return { ...cheapest, process: process ? processNames[process] : cheapest.process };
}

/**
 * Uploads one CAD file, follows its analysis (its place in line and the engine's real step, each as soon
 * as it changes: lib/parts/wait-for-part-changes.ts), shows the first price from the measurement as soon
 * as there is one (preliminary), and once analysed the final cheapest price over all processes, which
 * come with the part's state. Reports every step through `report`.
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
    // A file analysed before comes back analysed, with its price; otherwise the row follows the part. The
    // tag is what the row shows: "" until the first answer, which comes at once; then each answer comes
    // when the part has changed.
    const uploaded = upload.body as { part: FollowedPart; cheapest?: CheapestPiecePrice | null };
    let tag = "";
    let part: FollowedPart | undefined;
    let unansweredSince: number | undefined;
    let retryMs = firstRetryMs;
    for (;;) {
      const next: NextPartChange =
        uploaded.part.status === "ANALYZED" && uploaded.cheapest !== undefined && !part
          ? { kind: "part", part: uploaded.part, cheapest: uploaded.cheapest }
          : await nextPartChange(partId, tag);
      if (next.kind === "unavailable") {
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
      if (next.kind === "gone") {
        report({
          phase: "failed",
          fraction: 0,
          failureTitle: "Part not found",
          message: "The part is no longer there. Upload the file again.",
        });
        return;
      }
      if (next.kind === "part") {
        part = next.part;
        tag = partChangeTag(part);
      }
      if (!part) continue;
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
      // Null: no process prices it instantly ("needs a quote from an engineer").
      const cheapest = next.kind === "part" && next.cheapest ? asRowPrice(next.cheapest) : null;
      if (part.status === "ANALYZED") {
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
        return;
      }
      progress = { stage: asAnalysisStage(part.analysisStage), filesAhead: part.filesAhead ?? null };
      // The exact measurement exists: its price is shown now, marked preliminary.
      if (cheapest?.preliminary && preliminaryCents === undefined) preliminaryCents = cheapest.cents;
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
  } catch (error) {
    report({ phase: "failed", fraction: 0, message: error instanceof Error ? error.message : String(error) });
  }
}
