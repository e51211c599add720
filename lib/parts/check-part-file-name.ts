import { AppError } from "../errors/app-error";
import { formatFromFileName } from "../../quoting-engine/catalogue/catalogue";
import { archiveFileRefusal } from "./archive-file-refusal";
import { nativeCadFileRefusal } from "./native-cad-file-refusal";
import { nonCadFileRefusal } from "./non-cad-file-refusal";
import { hasControlCharactersInFileName } from "../storage/control-characters-in-file-name";

/**
 * A CAD file's name as a part keeps it (the last path segment, trimmed); refuses control characters, an
 * empty or overlong name, an archive, a CAD program's own file (named with what to export) and a kind
 * that is never a part (a PDF, an image, a document). Run before
 * a byte of the file is stored. Another name without a CAD extension passes: the content tells the format
 * (recordStoredPart, docs/decisions/0110).
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
  const refusal = formatFromFileName(fileName)
    ? null
    : (nativeCadFileRefusal(fileName) ?? nonCadFileRefusal(fileName));
  if (refusal) throw new AppError("unsupported_media_type", refusal);
  return { fileName };
}
