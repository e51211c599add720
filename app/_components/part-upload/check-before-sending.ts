import { formatFileSize } from "@/lib/files/format-file-size";
import { archiveFileRefusal } from "@/lib/parts/archive-file-refusal";
import { nativeCadFileRefusal } from "@/lib/parts/native-cad-file-refusal";
import { nonCadFileRefusal } from "@/lib/parts/non-cad-file-refusal";
import {
  cadFormatNames,
  cadFormatNamesInWords,
  formatFromFileName,
} from "@/quoting-engine/catalogue/catalogue";
import { detectFormat, formatSniffBytes } from "@/quoting-engine/io/detect-format";

/**
 * Why a file is refused before it is sent (`refusal`), or how it will be read when its name has no CAD
 * extension (`note`: its first bytes tell the format, as the server's do).
 */
export async function checkBeforeSending(
  file: File,
  maxBytes: number,
): Promise<{ refusal?: string; note?: string }> {
  const archive = archiveFileRefusal(file.name);
  if (archive) return { refusal: archive };
  if (file.size > maxBytes)
    return {
      refusal: `${formatFileSize(file.size)} is over the ${formatFileSize(maxBytes)} limit. Export with fewer triangles or as STEP.`,
    };
  if (file.size === 0) return { refusal: "The file is empty (0 bytes). Export the part again." };
  if (formatFromFileName(file.name)) return {};
  const named = nativeCadFileRefusal(file.name) ?? nonCadFileRefusal(file.name);
  if (named) return { refusal: named };
  const head = new Uint8Array(await file.slice(0, formatSniffBytes).arrayBuffer());
  const format = detectFormat(head, file.size);
  if (!format)
    return {
      refusal: `Not a CAD file we read: its content is not ${cadFormatNamesInWords}. Upload one of these (STEP gives the most exact quote; DXF for flat laser-cut parts).`,
    };
  const extension = /\.([^./\\\s]+)$/.exec(file.name)?.[1];
  return {
    note: `Read as ${cadFormatNames[format]} (${extension ? `.${extension} is no CAD extension` : "the name had no extension"}).`,
  };
}
