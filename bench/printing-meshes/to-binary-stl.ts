// npx tsx bench/printing-meshes/to-binary-stl.ts IN OUT — any mesh the engine reads (ASCII or binary STL,
// OBJ, 3MF) rewritten as one binary STL, every part's triangles in the file's own frame and unit.
// Used once to bring the public models of the printing benchmark into one format; coordinates are not
// moved or scaled, so the converted file is the same model as its source.
import { readFileSync, writeFileSync } from "node:fs";
import { detectFormat } from "../../quoting-engine/io/detect-format";
import { readCadModel } from "../../quoting-engine/io/read-cad-model";

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: to-binary-stl.ts IN OUT");
const bytes = new Uint8Array(readFileSync(input));
const format = detectFormat(bytes);
if (format !== "stl" && format !== "obj" && format !== "3mf")
  throw new Error(`${input}: not a mesh (${format})`);
const read = readCadModel(format, bytes);
if (!read.ok) throw new Error(`${input}: ${read.error.message}`);
const triangles = read.value.parts.reduce((sum, part) => sum + part.indices.length / 3, 0);
const out = new Uint8Array(84 + 50 * triangles);
const view = new DataView(out.buffer);
out.set(new TextEncoder().encode(`binary STL from ${input.split("/").pop()}`.slice(0, 80)));
view.setUint32(80, triangles, true);
let offset = 84;
for (const part of read.value.parts) {
  const { positions, indices } = part;
  for (let triangle = 0; triangle < indices.length; triangle += 3) {
    const corners = [0, 1, 2].map((corner) => indices[triangle + corner]! * 3);
    const [a, b, c] = corners.map((base) => [positions[base]!, positions[base + 1]!, positions[base + 2]!]);
    // Facet normal from the winding, as slicers recompute it anyway.
    const u = [b![0]! - a![0]!, b![1]! - a![1]!, b![2]! - a![2]!];
    const v = [c![0]! - a![0]!, c![1]! - a![1]!, c![2]! - a![2]!];
    const n = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
    const length = Math.hypot(n[0]!, n[1]!, n[2]!) || 1;
    n.forEach((value, axis) => view.setFloat32(offset + axis * 4, value / length, true));
    [a, b, c].forEach((corner, index) =>
      corner!.forEach((value, axis) => view.setFloat32(offset + 12 + index * 12 + axis * 4, value, true)),
    );
    offset += 50;
  }
}
writeFileSync(output, out);
console.log(`${output}\t${triangles}`);
