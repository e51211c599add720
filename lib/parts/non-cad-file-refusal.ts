/** Kinds of file that are never a CAD part, by extension: documents, images, media, programs, web pages. */
const nonCadKinds: [pattern: RegExp, kind: string][] = [
  [/\.(pdf)$/i, "a PDF document"],
  [/\.(docx?|odt|rtf|pages)$/i, "a text document"],
  [/\.(xlsx?|ods|csv|numbers)$/i, "a spreadsheet"],
  [/\.(pptx?|odp|key)$/i, "a presentation"],
  [/\.(jpe?g|png|gif|bmp|tiff?|heic|webp|svg|psd)$/i, "an image"],
  [/\.(mp4|mov|avi|mkv|mp3|wav)$/i, "a video or sound file"],
  [/\.(exe|dll|msi|bat|cmd|ps1|sh|app|apk|jar|js|html?)$/i, "a program or web page"],
  [/\.(eml|msg)$/i, "an e-mail"],
];

/**
 * Why a file whose extension names a kind that is never a CAD part is refused before a byte is stored, or
 * null: a drawing's PDF or a photo of the part is a common mistake, and reading 100 MB of it to find out
 * would waste the buyer's upload. Other names without a CAD extension are read by their content
 * (decision 0110). Checked in the browser and by the server (check-part-file-name.ts).
 */
export function nonCadFileRefusal(fileName: string): string | null {
  const kind = nonCadKinds.find(([pattern]) => pattern.test(fileName))?.[1];
  if (!kind) return null;
  return `"${fileName}" is ${kind}, not a CAD part: upload the part as STEP (best), IGES, BREP, STL, OBJ or 3MF, or a DXF for a flat laser-cut part.${kind === "a PDF document" || kind === "an image" ? " A drawing can go with a quote request on the part's page once the part is uploaded." : ""}`;
}
