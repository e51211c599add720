import { AppError } from "../errors/app-error";

/** The file's name from an upload's `X-File-Name` header, which carries it URL-encoded. */
export function fileNameFromHeader(header: string): string {
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
