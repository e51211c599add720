import type { DisplayMesh } from "./analyze-model";
import { measureTriangles, type TriangleMeasures } from "./measure-triangles";
import { prismMesh, torusMesh } from "../printing/test-meshes";

const warmed = new Set<string>();

/**
 * Runs `warm` on the small mesh and its triangle measures the first time `stage` asks in this thread
 * (the stage's own call inside `warm` finds it warmed already).
 */
export function warmOnSmallMesh(
  stage: string,
  warm: (mesh: DisplayMesh, triangles: TriangleMeasures) => void,
): void {
  if (warmed.has(stage)) return;
  warmed.add(stage);
  const mesh = smallShapeMesh();
  warm(mesh, measureTriangles(mesh.positions, mesh.indices));
}

/**
 * A small display mesh with every kind of region segmenting and build orientation meet: a torus of
 * 24 × 16 steps (bands of smooth bends, one free-form region) beside a 20-sided prism (a cylinder of
 * two-triangle bands and two planes), 864 triangles. Segmenting and orientation run it a few times before
 * their first real part (`warmOnce`): they run once per file, and a loop first met on a million triangles
 * ran in the interpreter, boxing every double, until it was compiled, and its code then met steps it had
 * never seen and was thrown back; a few runs on this mesh give the compiler every step first.
 */
export function smallShapeMesh(): DisplayMesh {
  const torus = torusMesh(12, 4, 24, 16);
  const sides = 20;
  const circle = Array.from({ length: sides }, (_, index): [number, number] => [
    40 + 6 * Math.cos((2 * Math.PI * index) / sides),
    6 * Math.sin((2 * Math.PI * index) / sides),
  ]);
  const prism = prismMesh(circle, 10);
  const torusVertices = torus.positions.length / 3;
  const positions = new Float32Array(torus.positions.length + prism.positions.length);
  positions.set(torus.positions);
  positions.set(prism.positions, torus.positions.length);
  const indices = new Uint32Array(torus.indices.length + prism.indices.length);
  indices.set(torus.indices);
  for (let corner = 0; corner < prism.indices.length; corner++)
    indices[torus.indices.length + corner] = prism.indices[corner]! + torusVertices;
  const triangleCount = indices.length / 3;
  return {
    originMm: [0, 0, 0],
    positions,
    indices,
    faceIds: new Int32Array(triangleCount).fill(-1),
    bodyIds: new Uint32Array(triangleCount),
  };
}
