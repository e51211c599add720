import { Transform, type Readable, type TransformCallback } from "node:stream";
import type { Database } from "../db/prisma";
import { cadFormatNamesInWords, formatFromFileName } from "../../quoting-engine/catalogue/catalogue";
import { dbFormatOf } from "../db/catalogue-codes";
import { AppError, isAppError } from "../errors/app-error";
import type { JobQueue } from "../jobs/job-queue";
import { confirmStoredFile, deleteUnreferencedFile } from "../storage/delete-unreferenced-file";
import type { FileStorage, StoredFile } from "../storage/file-storage";
import { getLogger } from "../logging/logger";
import { checkPartFileName } from "./check-part-file-name";
import { sniffStoredFormat } from "./sniff-stored-format";
import { reserveVisitorUpload, settleVisitorUpload } from "./reserve-visitor-upload";
import { reuseStoredAnalysis } from "./reuse-stored-analysis";
import { uploadLimitsFromEnv, type UploadLimits } from "./upload-limits";
import { formatFileSize } from "../files/format-file-size";

/** Who owns an upload: a signed-in user's company, or a visitor's browser until the visitor signs up. */
export type PartOwner =
  { userId: string; companyId: string } | { visitorToken: string; clientAddress: string };

/**
 * Signed-in buyers' analyses are fetched before visitors' (pg-boss takes higher priority first), so a
 * queue of anonymous uploads never keeps a customer waiting.
 */
export const analysisPriority = { signedIn: 10, visitor: 0 } as const;

/**
 * Takes one uploaded CAD file: checks its name and declared size, books a visitor's upload against the
 * visitor quotas, streams it into storage (stopping and keeping nothing the moment it passes the upload
 * limit or what is left of the quota), records the part and queues its analysis. Nothing is stored
 * before the checks on the name; a part that cannot be recorded takes its file with it. The format here
 * is the file name's; the analysis reads the content and corrects it.
 */
export async function storePartUpload(
  deps: { db: Database; storage: FileStorage; queue: Pick<JobQueue, "send"> },
  input: {
    body: Readable;
    fileName: string;
    owner: PartOwner;
    /** The request's Content-Length, when it sent one: refused at once when over a limit. */
    declaredBytes?: number;
    limits?: UploadLimits;
  },
) {
  const limits = input.limits ?? uploadLimitsFromEnv();
  let checked;
  try {
    checked = checkPartFileName(input.fileName);
  } catch (error) {
    input.body.destroy();
    throw error;
  }
  const { fileName } = checked;
  if (input.declaredBytes !== undefined && input.declaredBytes > limits.maxBytes) {
    input.body.destroy();
    throw tooLarge(fileName, limits.maxBytes);
  }

  const owner = input.owner;
  const reservation =
    "visitorToken" in owner
      ? await reserveVisitorUpload(deps.db, {
          visitorToken: owner.visitorToken,
          clientAddress: owner.clientAddress,
          declaredBytes: input.declaredBytes,
          limits,
        })
      : undefined;
  const maxBytes = reservation?.maxBytes ?? limits.maxBytes;
  const counter = new ByteCounter(input.body);
  let stored;
  try {
    stored = await deps.storage.put(input.body.pipe(counter), { maxBytes });
  } catch (error) {
    input.body.destroy();
    if (isAppError(error) && error.code === "payload_too_large") {
      if (reservation?.limitedByQuota && maxBytes < limits.maxBytes)
        throw new AppError(
          "rate_limited",
          `"${fileName}" is larger than the ${formatFileSize(maxBytes)} left of today's upload allowance without an account ` +
            `(${formatFileSize(limits.visitorBytesPerDay)} per day). Sign up (free) to upload it, or try again tomorrow.`,
          { retryAfterSeconds: 24 * 3600, limit: "bytes_per_day" },
        );
      throw tooLarge(fileName, limits.maxBytes);
    }
    throw error;
  } finally {
    if (reservation) await settleVisitorUpload(deps.db, reservation.id, counter.bytes);
  }
  return recordStoredPart(deps, { stored, fileName, owner });
}

/**
 * Records a CAD file already in storage as the owner's part and queues its analysis (or copies an earlier
 * analysis of the same bytes). An empty file is refused and removed; a part that cannot be recorded takes
 * its file with it. `fileName` has passed checkPartFileName.
 */
export async function recordStoredPart(
  deps: { db: Database; storage: FileStorage; queue: Pick<JobQueue, "send"> },
  input: { stored: StoredFile; fileName: string; owner: PartOwner },
) {
  const { stored, fileName, owner } = input;
  if (stored.sizeBytes === 0) {
    await deleteUnreferencedFile(deps.db, deps.storage, stored.key);
    throw new AppError(
      "validation_failed",
      `"${fileName}" is empty (0 bytes). Export the part again and upload that file.`,
    );
  }
  // The name's extension, or for a name without a CAD one the content's first bytes (the analysis reads
  // the whole content and corrects a wrong extension).
  const format =
    formatFromFileName(fileName) ?? (await sniffStoredFormat(deps.storage, stored.key, stored.sizeBytes));
  if (!format) {
    await deleteUnreferencedFile(deps.db, deps.storage, stored.key);
    throw new AppError(
      "unsupported_media_type",
      `"${fileName}" is not a CAD file we read: its content is not ${cadFormatNamesInWords}. Upload one of these; STEP gives the most exact quote.`,
    );
  }
  let part;
  try {
    part = await deps.db.part.create({
      data: {
        originalFileName: fileName,
        storageKey: stored.key,
        contentSha256: stored.sha256,
        sizeBytes: BigInt(stored.sizeBytes),
        format: dbFormatOf(format),
        status: "UPLOADED",
        ...("visitorToken" in owner
          ? { visitorToken: owner.visitorToken, uploaderAddress: owner.clientAddress }
          : { companyId: owner.companyId, uploadedById: owner.userId }),
      },
    });
  } catch (error) {
    await deleteUnreferencedFile(deps.db, deps.storage, stored.key);
    throw error;
  }
  // Same bytes as an old visitor part the nightly clean-up was deleting at this moment: its file is gone.
  if (!(await confirmStoredFile(deps.db, deps.storage, stored.key))) {
    await deps.db.part.delete({ where: { id: part.id } });
    throw new AppError(
      "service_unavailable",
      `"${fileName}" could not be stored just now. Please upload it again.`,
    );
  }
  // The same bytes analysed before by this engine: a copy of that analysis, no job (issue 22).
  const reused = await reuseStoredAnalysis(deps, part).catch((error: unknown) => {
    getLogger().warn({ err: error, partId: part.id }, "could not reuse a stored analysis; queueing one");
    return null;
  });
  if (reused) return reused;
  // The part exists before its job: should queueing fail, the sweep in the analysis job finds it later.
  await deps.queue.send(
    "parts.analyze",
    { partId: part.id },
    {
      singletonKey: part.id,
      priority: "visitorToken" in owner ? analysisPriority.visitor : analysisPriority.signedIn,
    },
  );
  return part;
}

function tooLarge(fileName: string, maxBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `"${fileName}" is larger than the upload limit of ${formatFileSize(maxBytes)}. Reduce it (e.g. export ` +
      `without embedded textures or at a coarser tessellation) or ask us for a manual quote.`,
    { maxBytes },
  );
}

/** Counts the bytes that pass, so a stopped upload still books what it sent; errors of the source pass on. */
class ByteCounter extends Transform {
  bytes = 0;

  constructor(source: Readable) {
    super();
    source.on("error", (error) => this.destroy(error));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}
