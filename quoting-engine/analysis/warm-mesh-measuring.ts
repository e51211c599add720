import { readCadModel } from "../io/read-cad-model";
import { analyzeFile } from "./analyze-file";
import { analyzeModel } from "./analyze-model";
import { closedMeshMates, displayMeshEdgeMates } from "./closed-mesh-mates";
import { halfEdgeRows } from "./half-edge-rows";

/** Runs of the warm-up mesh (960 triangles, about 5 ms each) once per worker start. */
export const warmUpRuns = 20;

/**
 * Measures a small closed mesh (a binary STL torus made here) a few times, as an analysis worker starts.
 * The mesh path's loops (weld, edge table, body split, measures, display mesh) run once per file, so the
 * JavaScript compiler optimises each only inside its loop at first, and a worker's first few big meshes
 * took about 1.5× the CPU time of later ones; after these runs they are optimised when called. A mesh
 * of a million triangles then measures at its steady speed from the first file on (decision 0077).
 *
 * Each run measures the mesh both ways a file is measured: alone, and as the first step of finding
 * features (the split keeps the edge mates, `analyzeModel`'s `edgeMates`), and builds the edge table and
 * half-edge rows once more as the features stage does when no mates were handed on (fresh arrays, not
 * kept ones). Compiled code has no type feedback for a branch its warm-up never took; the first big file
 * to take one threw that step's code away, and the next few files measured in the interpreter
 * (decision 0097).
 */
export function warmMeshMeasuring(): void {
  const bytes = warmUpMesh();
  for (let run = 0; run < warmUpRuns; run++) {
    analyzeFile(bytes, "warm-up.stl", { recognizeFeatures: false });
    measureAsFeaturesDo(bytes);
  }
}

/** `analyzeFile`'s measuring with features asked for, up to where the features stage begins. */
function measureAsFeaturesDo(bytes: Uint8Array): void {
  const read = readCadModel("stl", bytes);
  if (!read.ok) throw new Error(`The warm-up mesh did not read: ${read.error.message}`);
  const analysis = analyzeModel(read.value, { edgeMates: true });
  if (!analysis.ok) throw new Error(`The warm-up mesh did not measure: ${analysis.error.message}`);
  const { indices, positions } = analysis.value.displayMesh;
  if (!displayMeshEdgeMates(analysis.value.displayMesh))
    throw new Error("The warm-up mesh's edge mates were not handed on");
  closedMeshMates(indices, positions.length / 3);
  halfEdgeRows(indices, positions.length / 3);
}

/** The warm-up mesh: a closed torus (major radius 30 mm, minor 10 mm) of 960 triangles, as binary STL. */
export function warmUpMesh(rings = 24, segments = 20): Uint8Array {
  const triangles = rings * segments * 2;
  const bytes = new Uint8Array(84 + 50 * triangles);
  const view = new DataView(bytes.buffer);
  view.setUint32(80, triangles, true);
  let offset = 84;
  const corner = (ring: number, segment: number) => {
    const phi = (2 * Math.PI * (ring % rings)) / rings;
    const theta = (2 * Math.PI * (segment % segments)) / segments;
    const radius = 30 + 10 * Math.cos(theta);
    view.setFloat32(offset, radius * Math.cos(phi), true);
    view.setFloat32(offset + 4, radius * Math.sin(phi), true);
    view.setFloat32(offset + 8, 10 * Math.sin(theta), true);
    offset += 12;
  };
  for (let ring = 0; ring < rings; ring++) {
    for (let segment = 0; segment < segments; segment++) {
      for (const [a, b, c] of [
        [0, 0, 1, 0, 1, 1],
        [0, 0, 1, 1, 0, 1],
      ].map((steps) => [
        [ring + steps[0]!, segment + steps[1]!],
        [ring + steps[2]!, segment + steps[3]!],
        [ring + steps[4]!, segment + steps[5]!],
      ])) {
        offset += 12; // normal left zero: readers compute their own
        corner(a![0]!, a![1]!);
        corner(b![0]!, b![1]!);
        corner(c![0]!, c![1]!);
        offset += 2;
      }
    }
  }
  return bytes;
}
