// The constructed meshes of the printing benchmark: closed solids built from boxes, prisms and rings,
// each a shape the FDM time model must get right (a cube, a flat plate, a tall thin tower, a thin-walled
// cup, a large block, a T that needs support, a tube, a solid cylinder, a tiny part), written as binary STL.
// `npx tsx bench/printing-meshes/construct-meshes.ts DIR` writes them to DIR; the benchmark calls
// `constructedMeshes()` and writes them to a temporary folder, so the repository holds only this script.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

type Point = [number, number, number];
type Triangle = [Point, Point, Point];

export interface ConstructedMesh {
  fileName: string;
  description: string;
  bytes: Uint8Array;
}

/** Both triangles of a planar quad a-b-c-d (in order around it), wound so their normal points along `outward`. */
function quad(a: Point, b: Point, c: Point, d: Point, outward: Point): Triangle[] {
  const normal = cross(sub(b, a), sub(c, a));
  const facesOut = normal[0] * outward[0] + normal[1] * outward[1] + normal[2] * outward[2] > 0;
  return facesOut
    ? [
        [a, b, c],
        [a, c, d],
      ]
    : [
        [a, c, b],
        [a, d, c],
      ];
}

const sub = (a: Point, b: Point): Point => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Point, b: Point): Point => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

function box(x: number, y: number, z: number): Triangle[] {
  return prism(
    [
      [0, 0],
      [x, 0],
      [x, y],
      [0, y],
    ],
    z,
  );
}

/**
 * A simple polygon (counter-clockwise, in XY) extruded from z = 0 to `height`; caps by ear clipping,
 * which any simple polygon allows.
 */
function prism(polygon: [number, number][], height: number): Triangle[] {
  const triangles: Triangle[] = [];
  const bottom = (p: [number, number]): Point => [p[0], p[1], 0];
  const top = (p: [number, number]): Point => [p[0], p[1], height];
  for (const [a, b, c] of earClip(polygon)) {
    triangles.push([top(a), top(b), top(c)]);
    triangles.push([bottom(a), bottom(c), bottom(b)]);
  }
  polygon.forEach((point, index) => {
    const next = polygon[(index + 1) % polygon.length]!;
    const outward: Point = [next[1] - point[1], point[0] - next[0], 0];
    triangles.push(...quad(bottom(point), bottom(next), top(next), top(point), outward));
  });
  return triangles;
}

function earClip(polygon: [number, number][]): [[number, number], [number, number], [number, number]][] {
  const remaining = [...polygon];
  const result: [[number, number], [number, number], [number, number]][] = [];
  const area2 = (a: [number, number], b: [number, number], c: [number, number]) =>
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  while (remaining.length > 3) {
    let clipped = false;
    for (let index = 0; index < remaining.length && !clipped; index++) {
      const a = remaining[(index + remaining.length - 1) % remaining.length]!;
      const b = remaining[index]!;
      const c = remaining[(index + 1) % remaining.length]!;
      if (area2(a, b, c) <= 0) continue;
      const inside = remaining.some(
        (p) =>
          p !== a && p !== b && p !== c && area2(a, b, p) >= 0 && area2(b, c, p) >= 0 && area2(c, a, p) >= 0,
      );
      if (inside) continue;
      result.push([a, b, c]);
      remaining.splice(index, 1);
      clipped = true;
    }
    if (!clipped) throw new Error("polygon is not simple");
  }
  result.push([remaining[0]!, remaining[1]!, remaining[2]!]);
  return result;
}

/** An open-top box: outer size x × y × z, walls and floor `wall` thick; one closed surface. */
function cup(x: number, y: number, z: number, wall: number): Triangle[] {
  const outer = (px: number, py: number, pz: number): Point => [px, py, pz];
  const o = [outer(0, 0, 0), outer(x, 0, 0), outer(x, y, 0), outer(0, y, 0)];
  const oTop = o.map((p): Point => [p[0], p[1], z]);
  const inner = [
    outer(wall, wall, z),
    outer(x - wall, wall, z),
    outer(x - wall, y - wall, z),
    outer(wall, y - wall, z),
  ];
  const iFloor = inner.map((p): Point => [p[0], p[1], wall]);
  const triangles: Triangle[] = [...quad(o[0]!, o[1]!, o[2]!, o[3]!, [0, 0, -1])];
  const sides: Point[] = [
    [0, -1, 0],
    [1, 0, 0],
    [0, 1, 0],
    [-1, 0, 0],
  ];
  for (let side = 0; side < 4; side++) {
    const next = (side + 1) % 4;
    const out = sides[side]!;
    triangles.push(...quad(o[side]!, o[next]!, oTop[next]!, oTop[side]!, out));
    triangles.push(...quad(oTop[side]!, oTop[next]!, inner[next]!, inner[side]!, [0, 0, 1]));
    // Inner walls face into the cavity, against the outer side's direction.
    triangles.push(...quad(iFloor[side]!, iFloor[next]!, inner[next]!, inner[side]!, [-out[0], -out[1], 0]));
  }
  triangles.push(...quad(iFloor[0]!, iFloor[1]!, iFloor[2]!, iFloor[3]!, [0, 0, 1]));
  return triangles;
}

/** A tube (inner radius > 0) or a solid cylinder (inner radius 0) standing on z = 0. */
function ring(outerRadius: number, innerRadius: number, height: number, segments = 96): Triangle[] {
  const triangles: Triangle[] = [];
  const at = (radius: number, step: number, z: number): Point => {
    const angle = (2 * Math.PI * (step % segments)) / segments;
    return [radius * Math.cos(angle), radius * Math.sin(angle), z];
  };
  for (let step = 0; step < segments; step++) {
    const mid = (2 * Math.PI * (step + 0.5)) / segments;
    const out: Point = [Math.cos(mid), Math.sin(mid), 0];
    triangles.push(
      ...quad(
        at(outerRadius, step, 0),
        at(outerRadius, step + 1, 0),
        at(outerRadius, step + 1, height),
        at(outerRadius, step, height),
        out,
      ),
    );
    if (innerRadius > 0) {
      triangles.push(
        ...quad(
          at(innerRadius, step, 0),
          at(innerRadius, step + 1, 0),
          at(innerRadius, step + 1, height),
          at(innerRadius, step, height),
          [-out[0], -out[1], 0],
        ),
      );
      for (const [z, up] of [
        [0, -1],
        [height, 1],
      ] as const)
        triangles.push(
          ...quad(
            at(innerRadius, step, z),
            at(outerRadius, step, z),
            at(outerRadius, step + 1, z),
            at(innerRadius, step + 1, z),
            [0, 0, up],
          ),
        );
    } else {
      const centreBottom: Point = [0, 0, 0];
      const centreTop: Point = [0, 0, height];
      triangles.push([centreTop, at(outerRadius, step, height), at(outerRadius, step + 1, height)]);
      triangles.push([centreBottom, at(outerRadius, step + 1, 0), at(outerRadius, step, 0)]);
    }
  }
  return triangles;
}

/** A T standing on its stem: a 10 × 40 mm stem 40 mm tall under a 60 × 40 × 10 mm bar whose arms overhang. */
function tee(): Triangle[] {
  // The T profile lies in XZ; extruded along Y by building it in XY and swapping Y and Z (mirroring,
  // so the winding is flipped back).
  const profile: [number, number][] = [
    [25, 0],
    [35, 0],
    [35, 40],
    [60, 40],
    [60, 50],
    [0, 50],
    [0, 40],
    [25, 40],
  ];
  return prism(profile, 40).map(([a, b, c]) => [swapYZ(a), swapYZ(c), swapYZ(b)] as Triangle);
}
const swapYZ = (p: Point): Point => [p[0], p[2], p[1]];

export function binaryStl(triangles: Triangle[], header: string): Uint8Array {
  const bytes = new Uint8Array(84 + 50 * triangles.length);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(header.slice(0, 80)));
  view.setUint32(80, triangles.length, true);
  triangles.forEach((triangle, index) => {
    const normal = cross(sub(triangle[1], triangle[0]), sub(triangle[2], triangle[0]));
    const length = Math.hypot(...normal) || 1;
    normal.forEach((value, axis) => view.setFloat32(84 + index * 50 + axis * 4, value / length, true));
    triangle.forEach((corner, cornerIndex) =>
      corner.forEach((value, axis) =>
        view.setFloat32(84 + index * 50 + 12 + cornerIndex * 12 + axis * 4, value, true),
      ),
    );
  });
  return bytes;
}

export function constructedMeshes(): ConstructedMesh[] {
  const shapes: [string, string, Triangle[]][] = [
    ["constructed-cube-20.stl", "20 mm cube (box)", box(20, 20, 20)],
    ["constructed-plate-100x100x2.stl", "flat plate 100 × 100 × 2 mm (box)", box(100, 100, 2)],
    ["constructed-tower-10x10x150.stl", "tall thin tower 10 × 10 × 150 mm (box)", box(10, 10, 150)],
    [
      "constructed-cup-40x40x30-wall2.stl",
      "open-top box 40 × 40 × 30 mm, 2 mm walls and floor",
      cup(40, 40, 30, 2),
    ],
    ["constructed-block-200x150x60.stl", "large block 200 × 150 × 60 mm (box)", box(200, 150, 60)],
    [
      "constructed-tee-overhang.stl",
      "T on its 10 × 40 mm stem, 60 × 40 × 10 mm bar overhanging 25 mm each side (prism)",
      tee(),
    ],
    [
      "constructed-tube-d30-wall3-h40.stl",
      "tube Ø30 mm, 3 mm wall, 40 mm tall (96 segments)",
      ring(15, 12, 40),
    ],
    ["constructed-cylinder-d20-h30.stl", "solid cylinder Ø20 × 30 mm (96 segments)", ring(10, 0, 30)],
    ["constructed-cube-5.stl", "small 5 mm cube (box)", box(5, 5, 5)],
  ];
  return shapes.map(([fileName, description, triangles]) => ({
    fileName,
    description,
    bytes: binaryStl(triangles, `constructed: ${description}`),
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const directory = process.argv[2];
  if (!directory) throw new Error("usage: construct-meshes.ts DIR");
  mkdirSync(directory, { recursive: true });
  for (const mesh of constructedMeshes()) {
    writeFileSync(path.join(directory, mesh.fileName), mesh.bytes);
    console.log(`${mesh.fileName}\t${(mesh.bytes.length - 84) / 50}\t${mesh.description}`);
  }
}
