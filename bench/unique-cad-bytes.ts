/**
 * A CAD file's bytes changed where the geometry does not care, so that no two uploads share a SHA-256 and
 * every upload is analysed rather than priced from an earlier identical one (decision 0051): a STEP
 * header's FILE_NAME gets the tag in front, a binary STL's 80-byte header is replaced by it.
 */
export function uniqueCadBytes(name: string, bytes: Buffer, tag: string): Buffer {
  if (name.toLowerCase().endsWith(".stl")) {
    const copy = Buffer.from(bytes);
    copy.fill(0x20, 0, 80);
    copy.write(`bench ${tag}`.slice(0, 80), 0, "latin1");
    return copy;
  }
  const text = bytes.toString("latin1");
  if (!/FILE_NAME\s*\(\s*'/.test(text)) throw new Error(`${name} has no FILE_NAME to make it unique`);
  return Buffer.from(
    text.replace(/FILE_NAME\s*\(\s*'/, (found) => `${found}${tag} `),
    "latin1",
  );
}
