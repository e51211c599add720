/**
 * Why a file whose name has no extension cannot be uploaded, in words that say what to do, or null when it
 * has one. A CAD file saved from a mail or a PDM system may lose its extension; the upload takes the format
 * from it, and "not a CAD file we read" would be untrue of a STEP file called `box_sides` (walk6). Checked in
 * the browser and by the server (check-part-file-name.ts).
 */
export function missingExtensionRefusal(fileName: string): string | null {
  if (/\.[^./\\\s]+$/.test(fileName)) return null;
  return `"${fileName}" has no extension (such as .step or .stl), so we cannot tell its format: rename it with its format's extension, e.g. "${fileName.replace(/\.$/, "")}.step" for a STEP file, and upload it again.`;
}
