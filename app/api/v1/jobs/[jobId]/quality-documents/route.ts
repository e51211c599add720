import { getPrisma } from "@/lib/db/prisma";
import { fileNameFromHeader } from "@/lib/public-api/file-name-header";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { keepStoredQualityDocument } from "@/lib/quality-documents/upload-quality-document";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { uploadQualityDocumentOperation } from "@/lib/supplier-api/supplier-api-operations";

/**
 * The partner keeps a quality document with its job: the body, streamed into storage by the wrapper (at
 * most 10 MB), is checked by the portal's own rules (type by its first bytes, open jobs only), so both
 * ways keep the same rules (decisions 0060, 0069).
 */
export const POST = publicApiRoute(
  uploadQualityDocumentOperation,
  async ({ key, params, query, headers, body }) => {
    const document = await keepStoredQualityDocument(
      { db: getPrisma(), storage: getFileStorage() },
      { userId: key.createdByUserId, companyId: key.companyId },
      params.jobId,
      { kind: query.kind, fileName: fileNameFromHeader(headers["x-file-name"]), stored: body },
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
