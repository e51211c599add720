import { apiRoute } from "@/lib/api/api-route";
import { contentDisposition } from "@/lib/api/stored-file-response";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { openComplaintPhoto } from "@/lib/complaints/open-complaint-photo";
import { getPrisma } from "@/lib/db/prisma";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/**
 * A complaint's photo (`b0`…`b4` the buyer's, `p0`…`p4` the partner's answer's) for operations, the
 * complaining buyer's company and the line's partner; every read is in the audit log. Shown inline only
 * as the image type its bytes are, with `nosniff` and a sandboxing CSP so nothing in it runs; anything
 * else is downloaded as bytes.
 */
export const GET = apiRoute<{ complaintId: string; photo: string }>(async ({ request, params }) => {
  const user = await requireApiPermission("account.signedIn");
  const photo = await openComplaintPhoto(
    getPrisma(),
    getFileStorage(),
    {
      userId: user.id,
      role: user.role,
      companyId: user.companyId,
      ipAddress: clientAddressFrom(request.headers),
    },
    params.complaintId,
    params.photo,
  );
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "content-type": photo.contentType,
      "content-disposition": contentDisposition(photo.inline ? "inline" : "attachment", photo.fileName),
      "content-length": String(photo.bytes.byteLength),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    },
  });
});
