import { cadFormatsInWords, formatFromFileName } from "../../quoting-engine/catalogue/catalogue";
import { AppError } from "../errors/app-error";
import { archiveFileRefusal } from "./archive-file-refusal";
import { missingExtensionRefusal } from "./missing-extension-refusal";
import { nativeCadFileRefusal } from "./native-cad-file-refusal";
import { hasControlCharactersInFileName } from "../storage/control-characters-in-file-name";

/**
 * A CAD file's name as a part keeps it (the last path segment, trimmed) and its format by the extension;
 * refuses control characters, an empty or overlong name and a format we do not read. Run before a byte of
 * the file is stored.
 */
export function checkPartFileName(rawName: string): { fileName: string } {
  if (hasControlCharactersInFileName(rawName))
    throw new AppError(
      "bad_request",
      "The file name contains a control character (such as a NUL byte), which a file name cannot have. Rename the file and upload it again.",
    );
  const fileName = rawName.trim().replace(/^.*[\\/]/, "");
  if (fileName.length === 0 || fileName.length > 255)
    throw new AppError("validation_failed", "The file needs a name of 1 to 255 characters.");
  const archive = archiveFileRefusal(fileName);
  if (archive) throw new AppError("unsupported_media_type", archive);
  const noExtension = missingExtensionRefusal(fileName);
  if (noExtension) throw new AppError("unsupported_media_type", noExtension);
  const native = formatFromFileName(fileName) ? null : nativeCadFileRefusal(fileName);
  if (native) throw new AppError("unsupported_media_type", native);
  if (!formatFromFileName(fileName))
    throw new AppError(
      "unsupported_media_type",
      `"${fileName}" is not a CAD file we read. Upload ${cadFormatsInWords}; STEP gives the most exact quote.`,
    );
  return { fileName };
}
