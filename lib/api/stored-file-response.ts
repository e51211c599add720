import "server-only";
import { Readable } from "node:stream";

/**
 * A response that streams a stored file to the browser, never cached. `inline` opens it in the browser
 * (its type was checked at upload, and `nosniff` keeps the browser from guessing another); `attachment`
 * downloads it. The file name goes out twice: ASCII-only for old clients, and UTF-8 per RFC 6266.
 */
export function storedFileResponse(
  stream: Readable,
  {
    fileName,
    disposition,
    contentType = "application/octet-stream",
  }: { fileName: string; disposition: "inline" | "attachment"; contentType?: string },
): Response {
  const headers: Record<string, string> = {
    "content-type": contentType,
    "content-disposition": contentDisposition(disposition, fileName),
    "cache-control": "private, no-store",
  };
  if (disposition === "inline") headers["x-content-type-options"] = "nosniff";
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream, { headers });
}

/** `inline; filename="Geh_use.pdf"; filename*=UTF-8''Geh%C3%A4use.pdf`: quotes, backslashes and non-ASCII replaced. */
export function contentDisposition(disposition: "inline" | "attachment", fileName: string): string {
  const asciiName = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
