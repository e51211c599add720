import { SaxesParser, type SaxesTagNS } from "saxes";
import type { ZipEntry } from "../zip/read-zip-directory";
import { streamPart } from "./package-parts";
import { malformed, type Budget } from "./read-failure";

export const CORE_NS = "http://schemas.microsoft.com/3dmanufacturing/core/2015/02";
export const PRODUCTION_NS = "http://schemas.microsoft.com/3dmanufacturing/production/2015/06";

/**
 * How deep a part's elements may nest. A 3MF model nests about six deep (model, resources, object, mesh,
 * triangles, triangle), extensions a few more. saxes resolves each element's namespace through the open
 * elements, so nesting costs quadratic time: 40,000 empty elements inside each other (a few hundred bytes
 * zipped) took 47 s, a whole analysis budget (walk 7). Deeper is refused as soon as it is reached.
 */
export const MAX_XML_DEPTH = 64;

/** Streams an entry through saxes with namespaces resolved; XML errors become malformed failures. */
export function parseXmlPart(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: Budget,
  handlers: { open: (tag: SaxesTagNS, line: number) => void; close: (tag: SaxesTagNS) => void },
): void {
  const parser = new SaxesParser({ xmlns: true, fileName: entry.name });
  parser.on("error", (error) => {
    throw malformed(
      `The part "${entry.name}" of this .3mf file is not valid XML (${error.message}). Export the file again.`,
    );
  });
  let depth = 0;
  parser.on("opentag", (tag) => {
    if (++depth > MAX_XML_DEPTH)
      throw malformed(
        `The part "${entry.name}" of this .3mf file nests its XML elements more than ${MAX_XML_DEPTH} deep, ` +
          "which no 3MF model needs. Export the file again.",
      );
    handlers.open(tag, parser.line);
  });
  parser.on("closetag", (tag) => {
    depth--;
    handlers.close(tag);
  });

  // OPC allows UTF-16 parts, which announce themselves with a byte-order mark.
  let decoder: TextDecoder | undefined;
  const decode = (chunk?: Uint8Array): string => {
    decoder ??= new TextDecoder(byteOrderLabel(chunk), { fatal: true });
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw malformed(`The part "${entry.name}" of this .3mf file is not valid text. Export the file again.`);
    }
  };
  streamPart(bytes, entry, budget, (chunk) => parser.write(decode(chunk)));
  parser.write(decode());
  parser.close();
}

function byteOrderLabel(chunk: Uint8Array | undefined): string {
  if (chunk && chunk[0] === 0xff && chunk[1] === 0xfe) return "utf-16le";
  if (chunk && chunk[0] === 0xfe && chunk[1] === 0xff) return "utf-16be";
  return "utf-8";
}

export function attribute(tag: SaxesTagNS, name: string): string | undefined {
  return tag.attributes[name]?.value;
}

export function productionPath(tag: SaxesTagNS): string | undefined {
  for (const attr of Object.values(tag.attributes)) {
    if (attr.uri === PRODUCTION_NS && attr.local === "path") return attr.value;
  }
  return undefined;
}

/** Producers that forget the default namespace still mean the core elements. */
export function isCore(tag: SaxesTagNS): boolean {
  return tag.uri === CORE_NS || tag.uri === "";
}
