import { Readable } from "node:stream";
import { apiRoute } from "@/lib/api/api-route";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { loadSupplierOffer } from "@/lib/suppliers/load-supplier-offer";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/**
 * The 3D preview of an offered part (the viewer's display mesh, not the CAD file), for the supplier the
 * offer was made to: enough to judge the job before accepting it.
 */
export const GET = apiRoute<{ offerId: string }>(async ({ params }) => {
  const user = await requireApiPermission("supplier.portal");
  const offer = await loadSupplierOffer(getPrisma(), user.companyId, params.offerId);
  const key = offer.orderLine.part.displayMeshKey;
  if (!key) throw new AppError("not_found", "This part has no 3D preview.");
  const stream = await getFileStorage().get(key);
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream, {
    headers: { "content-type": "application/octet-stream", "cache-control": "private, max-age=3600" },
  });
});
