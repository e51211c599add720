import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { apiRoute } from "@/lib/api/api-route";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { getJobQueue } from "@/lib/jobs/get-job-queue";
import { resolvePartViewer } from "@/lib/parts/resolve-part-viewer";
import { storePartUpload } from "@/lib/parts/store-part-upload";
import { toPartSummary } from "@/lib/parts/part-summary";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/**
 * Upload one CAD file: the body is the file's bytes, the `x-file-name` header its name (URL-encoded).
 * Answers 201 with the part, whose analysis follows in the background (poll GET /api/v1/parts/{id}).
 */
export const POST = apiRoute(async ({ request }) => {
  const encodedName = request.headers.get("x-file-name");
  if (!encodedName) throw new AppError("bad_request", "Send the file's name in the x-file-name header.");
  if (!request.body) throw new AppError("validation_failed", "The request has no file in its body.");
  let fileName: string;
  try {
    fileName = decodeURIComponent(encodedName);
  } catch {
    throw new AppError("bad_request", "The x-file-name header must be URL-encoded.");
  }
  const viewer = await resolvePartViewer(request, { issueVisitorToken: true });
  const owner =
    viewer.companyId && viewer.userId
      ? { companyId: viewer.companyId, userId: viewer.userId }
      : { visitorToken: viewer.visitorToken! };
  const part = await storePartUpload(
    { db: getPrisma(), storage: getFileStorage(), queue: await getJobQueue() },
    { body: Readable.fromWeb(request.body as unknown as NodeReadableStream), fileName, owner },
  );
  return Response.json(
    { part: toPartSummary(part) },
    { status: 201, headers: viewer.setCookie ? { "set-cookie": viewer.setCookie } : {} },
  );
});
