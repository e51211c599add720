import type { ZipEntry } from "../zip/read-zip-directory";
import { streamPart } from "./package-parts";
import { tooManyTriangles, type Budget } from "./read-failure";

const LESS_THAN = 0x3c;
/** Longest element name (with prefix) looked at; mesh elements are far shorter. */
const NAME_WINDOW = 64;

/**
 * Counts the vertex and triangle elements of a model part before it is parsed: the part is inflated
 * once more and its element names are looked at byte by byte, with nothing kept that grows with the
 * file. A part holding more than the budget is refused here, in a few seconds even for a small archive
 * that unpacks to a gigabyte, before the parsing pass spends its time and its arrays on it. (The
 * parsing pass counts exactly as well; this count may include elements in comments, never fewer.)
 * UTF-16 parts are left to the parsing pass.
 */
export function precountMeshElements(bytes: Uint8Array, entry: ZipEntry, budget: Budget): void {
  let vertices = budget.vertices;
  let triangles = budget.triangles;
  let first = true;
  let utf16 = false;
  let carry: Uint8Array | undefined;
  // A copy: the size budget is checked again, but the bytes are counted once, by the parsing pass.
  streamPart(
    bytes,
    entry,
    { ...budget },
    (chunk) => {
      if (first) {
        first = false;
        utf16 = (chunk[0] === 0xfe && chunk[1] === 0xff) || (chunk[0] === 0xff && chunk[1] === 0xfe);
      }
      if (utf16) return;
      let data = chunk;
      if (carry) {
        data = new Uint8Array(carry.length + chunk.length);
        data.set(carry);
        data.set(chunk, carry.length);
        carry = undefined;
      }
      let at = data.indexOf(LESS_THAN);
      while (at !== -1) {
        if (data.length - at <= NAME_WINDOW) {
          carry = data.slice(at); // the name may go on in the next chunk
          return;
        }
        const name = elementLocalName(data, at + 1);
        if (name === "vertex") {
          if (++vertices > budget.maxTriangles * 3) throw tooManyTriangles(budget, "vertices");
        } else if (name === "triangle") {
          if (++triangles > budget.maxTriangles) throw tooManyTriangles(budget, "triangles");
        }
        at = data.indexOf(LESS_THAN, at + 1);
      }
    },
    false,
  );
}

const VERTEX_BYTES = [0x76, 0x65, 0x72, 0x74, 0x65, 0x78]; // "vertex"
const TRIANGLE_BYTES = [0x74, 0x72, 0x69, 0x61, 0x6e, 0x67, 0x6c, 0x65]; // "triangle"

/** The element name after a `<` without its prefix, when it is `vertex` or `triangle`; else "". */
function elementLocalName(data: Uint8Array, start: number): "vertex" | "triangle" | "" {
  let nameStart = start;
  let end = start;
  for (; end < start + NAME_WINDOW; end++) {
    const byte = data[end]!;
    if (byte === 0x3a)
      nameStart = end + 1; // ':' ends a prefix
    else if (
      byte === 0x20 ||
      byte === 0x09 ||
      byte === 0x0a ||
      byte === 0x0d ||
      byte === 0x2f ||
      byte === 0x3e
    )
      break;
  }
  const matches = (expected: number[]) =>
    end - nameStart === expected.length && expected.every((byte, index) => data[nameStart + index] === byte);
  if (matches(VERTEX_BYTES)) return "vertex";
  if (matches(TRIANGLE_BYTES)) return "triangle";
  return "";
}
