import { AppError } from "../errors/app-error";
import { formatFileSize } from "./format-file-size";

/** The refusal of a file over an endpoint's `maxBytes` (413), in the words the public API's uploads use. */
export function fileTooLargeError(maxBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `The file is larger than the ${formatFileSize(maxBytes)} this endpoint accepts. Send a smaller file.`,
    { maxBytes },
  );
}
