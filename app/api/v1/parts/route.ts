import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { apiRoute } from "@/lib/api/api-route";
import { fileNameFromHeader } from "@/lib/public-api/file-name-header";
import { declaredContentLength } from "@/lib/api/read-limited-body";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { getJobQueue } from "@/lib/jobs/get-job-queue";
import { resolvePartViewer } from "@/lib/parts/resolve-part-viewer";
import { storePartUpload } from "@/lib/parts/store-part-upload";
import { toPartSummary } from "@/lib/parts/part-summary";
import { cheapestPiecePrice } from "@/lib/quotes/cheapest-piece-price";
import { readStoredAnalysis } from "@/lib/parts/read-stored-analysis";
import { uploadLimitsFromEnv } from "@/lib/parts/upload-limits";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { uploadPartViaApi } from "@/lib/public-api-buyer/buyer-part-handlers";
import { uploadPartOperation } from "@/lib/public-api-buyer/buyer-operations";
import { keyOrSessionRoute } from "@/lib/public-api/key-or-session-route";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { uploadTooLargeError } from "@/lib/parts/upload-too-large-error";

/**
 * Upload one CAD file: the body is the file's bytes, the `x-file-name` header its name (URL-encoded).
 * Answers 201 with the part, whose analysis follows in the background (poll GET /api/v1/parts/{id}).
 * A Content-Length over UPLOAD_MAX_BYTES is refused with 413 before anything is read: by the start script
 * (lib/security/refuse-oversized-api-body.ts), and here again for servers that run the app without it.
 */
const sessionPost = apiRoute(async ({ request }) => {
  const limits = uploadLimitsFromEnv();
  const declaredBytes = declaredContentLength(request);
  if (declaredBytes !== undefined && declaredBytes > limits.maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw uploadTooLargeError(limits.maxBytes);
  }
  const encodedName = request.headers.get("x-file-name");
  if (!encodedName) throw new AppError("bad_request", "Send the file's name in the x-file-name header.");
  if (!request.body) throw new AppError("validation_failed", "The request has no file in its body.");
  const fileName = fileNameFromHeader(encodedName);
  const viewer = await resolvePartViewer(request, { issueVisitorToken: true });
  const owner =
    viewer.companyId && viewer.userId
      ? { companyId: viewer.companyId, userId: viewer.userId }
      : { visitorToken: viewer.visitorToken!, clientAddress: clientAddressFrom(request.headers) };
  const part = await storePartUpload(
    { db: getPrisma(), storage: getFileStorage(), queue: await getJobQueue() },
    {
      body: Readable.fromWeb(request.body as unknown as NodeReadableStream),
      fileName,
      owner,
      declaredBytes,
      limits,
    },
  );
  // A file analysed before is ready at once (lib/parts/reuse-stored-analysis.ts): its report comes along,
  // and the first price, so the upload row shows it without asking again (docs/decisions/0070).
  const report = part.status === "ANALYZED" ? readStoredAnalysis(part) : null;
  const current = report?.kind === "current" ? report.report : null;
  const cheapest = current ? await cheapestPiecePrice(getPrisma(), part) : undefined;
  return Response.json(
    { part: toPartSummary(part, current), ...(cheapest !== undefined && { cheapest }) },
    { status: 201, headers: viewer.setCookie ? { "set-cookie": viewer.setCookie } : {} },
  );
});

/** With an API key, the public API's uploadPart (decision 0059); without, the web app's upload above. */
export const POST = keyOrSessionRoute(publicApiRoute(uploadPartOperation, uploadPartViaApi), sessionPost);
