import type { CadFormat } from "../../quoting-engine/catalogue/catalogue";
import { detectFormat, formatSniffBytes } from "../../quoting-engine/io/detect-format";
import type { FileStorage } from "../storage/file-storage";

/**
 * The format of a stored file told from its first bytes, for a file whose name has no CAD extension
 * (saved from a mail or a PDM system without one, or with a wrong one): undefined when the content is no
 * CAD format we read. Reads only the head of the file and closes the stream.
 */
export async function sniffStoredFormat(
  storage: Pick<FileStorage, "get">,
  key: string,
  sizeBytes: number,
): Promise<CadFormat | undefined> {
  const stream = await storage.get(key);
  const chunks: Buffer[] = [];
  let read = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      read += chunk.length;
      if (read >= formatSniffBytes) break;
    }
  } finally {
    stream.destroy();
  }
  const head = new Uint8Array(Buffer.concat(chunks).subarray(0, formatSniffBytes));
  return detectFormat(head, sizeBytes);
}
