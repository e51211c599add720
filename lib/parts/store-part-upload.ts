import type { Readable } from "node:stream";
import type { Database } from "../db/prisma";
import type { CadFormat } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import type { JobQueue } from "../jobs/job-queue";
import type { FileStorage } from "../storage/file-storage";

/** The upload limit for one CAD file. */
export const maxPartBytes = 100 * 1024 * 1024;

/** Who owns an upload: a signed-in user's company, or a visitor's browser until the visitor signs up. */
export type PartOwner = { userId: string; companyId: string } | { visitorToken: string };

const formatsByExtension: Record<string, CadFormat> = {
  step: "STEP",
  stp: "STEP",
  igs: "IGES",
  iges: "IGES",
  brep: "BREP",
  brp: "BREP",
  stl: "STL",
  obj: "OBJ",
  "3mf": "THREE_MF",
};

/**
 * Takes one uploaded CAD file: checks its name, streams it into storage (refusing more than 100 MB
 * without keeping any of it), records the part and queues its analysis. The format here is the file
 * name's; the analysis reads the content and corrects it.
 */
export async function storePartUpload(
  deps: { db: Database; storage: FileStorage; queue: Pick<JobQueue, "send"> },
  input: { body: Readable; fileName: string; owner: PartOwner },
) {
  const fileName = input.fileName.trim().replace(/^.*[\\/]/, "");
  if (fileName.length === 0 || fileName.length > 255)
    throw new AppError("validation_failed", "The file needs a name of 1 to 255 characters.");
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  // Own keys only: "part.constructor" must not find Object's constructor and pass as a format.
  const format = Object.hasOwn(formatsByExtension, extension) ? formatsByExtension[extension] : undefined;
  if (!format)
    throw new AppError(
      "unsupported_media_type",
      `"${fileName}" is not a CAD file we read. Upload STEP (.step, .stp), IGES (.igs, .iges), BREP, STL, OBJ or 3MF; STEP gives the most exact quote.`,
    );
  const stored = await deps.storage.put(input.body, { maxBytes: maxPartBytes });
  if (stored.sizeBytes === 0) {
    await deps.storage.delete(stored.key);
    throw new AppError(
      "validation_failed",
      `"${fileName}" is empty (0 bytes). Export the part again and upload that file.`,
    );
  }
  const part = await deps.db.part.create({
    data: {
      originalFileName: fileName,
      storageKey: stored.key,
      contentSha256: stored.sha256,
      sizeBytes: BigInt(stored.sizeBytes),
      format,
      status: "UPLOADED",
      ...("visitorToken" in input.owner
        ? { visitorToken: input.owner.visitorToken }
        : { companyId: input.owner.companyId, uploadedById: input.owner.userId }),
    },
  });
  // The part exists before its job: should queueing fail, the sweep in the analysis job finds it later.
  await deps.queue.send("parts.analyze", { partId: part.id }, { singletonKey: part.id });
  return part;
}
