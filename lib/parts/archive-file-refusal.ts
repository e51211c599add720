const archiveKinds: [RegExp, string][] = [
  [/\.zip$/i, "a ZIP archive"],
  [/\.(7z|rar)$/i, "a compressed archive"],
  [/\.(tar|tgz|gz|bz2|xz)$/i, "a compressed archive"],
];

/**
 * Why an archive cannot be uploaded as a part, in words that say what to do, or null for another name.
 * Buyers zip CAD files to mail them; a part is one file, and the upload takes several files at once.
 * Checked in the browser and by the server (check-part-file-name.ts).
 */
export function archiveFileRefusal(fileName: string): string | null {
  const kind = archiveKinds.find(([pattern]) => pattern.test(fileName))?.[1];
  if (!kind) return null;
  return `"${fileName}" is ${kind}: a part is one CAD file, so we do not open archives. Unpack it and upload the CAD files inside (you can drop several at once).`;
}
