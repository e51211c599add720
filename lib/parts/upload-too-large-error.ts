import { AppError } from "../errors/app-error";
import { formatFileSize } from "../files/format-file-size";

/** The refusal of an upload whose announced length (Content-Length) is over UPLOAD_MAX_BYTES. */
export function uploadTooLargeError(maxBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `The file is larger than the upload limit of ${formatFileSize(maxBytes)}. Reduce it (e.g. export ` +
      "without embedded textures or at a coarser tessellation) or ask us for a manual quote.",
    { maxBytes },
  );
}
