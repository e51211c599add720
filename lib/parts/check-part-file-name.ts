import { cadFormatsInWords, formatFromFileName } from "../../quoting-engine/catalogue/catalogue";
import { AppError } from "../errors/app-error";

// C0 and C1 control characters (NUL among them), which no file name needs and PostgreSQL cannot store,
// and the bidirectional controls that make "photo\u202egpj.stl" read as "photolts.jpg" in every list that
// shows the name to operations and suppliers.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * A CAD file's name as a part keeps it (the last path segment, trimmed) and its format by the extension;
 * refuses control characters, an empty or overlong name and a format we do not read. Run before a byte of
 * the file is stored.
 */
export function checkPartFileName(rawName: string): { fileName: string } {
  if (controlCharacters.test(rawName))
    throw new AppError(
      "bad_request",
      "The file name contains a control character (such as a NUL byte), which a file name cannot have. Rename the file and upload it again.",
    );
  const fileName = rawName.trim().replace(/^.*[\\/]/, "");
  if (fileName.length === 0 || fileName.length > 255)
    throw new AppError("validation_failed", "The file needs a name of 1 to 255 characters.");
  if (!formatFromFileName(fileName))
    throw new AppError(
      "unsupported_media_type",
      `"${fileName}" is not a CAD file we read. Upload ${cadFormatsInWords}; STEP gives the most exact quote.`,
    );
  return { fileName };
}
