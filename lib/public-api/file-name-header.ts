import { AppError } from "../errors/app-error";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The file's name from an upload's `X-File-Name` header, which carries it URL-encoded. Many clients
 * (curl, Python's http.client, Java's HttpClient) send a name such as "Gehäuse.stp" as raw UTF-8 bytes
 * instead; headers reach us as one character per byte (Latin-1), so that name read "GehÃ¤use.stp" on
 * the quote, the order, its invoice and the partner's job, or was refused as a control character
 * ("Ø" is C3 98, and 98 is a C1 control). A header with bytes above ASCII is therefore read as UTF-8;
 * bytes that are not UTF-8 either are refused with a sentence saying how to send the name.
 */
export function fileNameFromHeader(header: string): string {
  if (/[^\x00-\x7f]/.test(header)) {
    try {
      return utf8.decode(Buffer.from(header, "latin1"));
    } catch {
      throw new AppError(
        "bad_request",
        "X-File-Name is neither URL-encoded nor UTF-8; encode the file's name (encodeURIComponent).",
        { field: "x-file-name" },
      );
    }
  }
  try {
    return decodeURIComponent(header);
  } catch {
    throw new AppError(
      "bad_request",
      "X-File-Name is not URL-encoded; encode the file's name (encodeURIComponent).",
      { field: "x-file-name" },
    );
  }
}
