import { contentDisposition } from "../api/stored-file-response";

/**
 * A file download: the attachment header (the name made safe for a header: quotes, line breaks and
 * non-ASCII replaced, the UTF-8 name beside it per RFC 6266), not cached (exports are private and change).
 */
export function fileDownload(body: string | Uint8Array, fileName: string, contentType: string): Response {
  return new Response(body as BodyInit, {
    headers: {
      "content-type": contentType,
      "content-disposition": contentDisposition("attachment", fileName),
      "cache-control": "private, no-store",
    },
  });
}
