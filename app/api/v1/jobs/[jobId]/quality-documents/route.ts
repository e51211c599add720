import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { uploadQualityDocument } from "@/lib/quality-documents/upload-quality-document";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { uploadQualityDocumentOperation } from "@/lib/supplier-api/supplier-api-operations";

function decodedFileName(header: string): string {
  try {
    return decodeURIComponent(header);
  } catch {
    throw new AppError(
      "bad_request",
      "X-File-Name is not URL-encoded; encode the file's name (encodeURIComponent).",
      {
        field: "x-file-name",
      },
    );
  }
}

/**
 * The partner keeps a quality document with its job: the body is the file, checked by the portal's own
 * upload (type by its first bytes, 10 MB, open jobs only), so both ways keep the same rules (decision 0060).
 */
export const POST = publicApiRoute(
  uploadQualityDocumentOperation,
  async ({ key, params, query, headers, body }) => {
    const file = new File([body as Uint8Array<ArrayBuffer>], decodedFileName(headers["x-file-name"]));
    const document = await uploadQualityDocument(
      { db: getPrisma(), storage: getFileStorage() },
      { userId: key.createdByUserId, companyId: key.companyId },
      params.jobId,
      { kind: query.kind, file },
    );
    return {
      status: 201,
      body: {
        id: document.id,
        kind: document.kind,
        fileName: document.fileName,
        contentType: document.contentType,
        sizeBytes: document.sizeBytes,
        createdAt: document.createdAt.toISOString(),
      },
    };
  },
);
