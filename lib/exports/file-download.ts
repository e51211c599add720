/** A file download: the attachment header, not cached (exports are private and change). */
export function fileDownload(body: string | Uint8Array, fileName: string, contentType: string): Response {
  return new Response(body as BodyInit, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
