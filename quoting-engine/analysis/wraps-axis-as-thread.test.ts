import { describe, expect, it } from "vitest";
import type { DisplayMesh } from "./analyze-model";
import { wrapsAxisAsThread } from "./wraps-axis-as-thread";

/** A strip of triangles over (angle, height) → radius, `turns` round the Z axis, as a tessellation would give. */
function surface(
  radiusAt: (angle: number, height: number) => number,
  heightAt: (angle: number, across: number) => number,
  options: { turns: number; steps: number },
): { mesh: DisplayMesh; triangles: number[] } {
  const positions: number[] = [];
  const indices: number[] = [];
  const rows = 4;
  for (let step = 0; step <= options.steps; step++) {
    // Started 7° off the sectors' edges, as a CAD tessellation has no reason to meet them.
    const angle = (step / options.steps) * options.turns * 2 * Math.PI + (7 * Math.PI) / 180;
    for (let row = 0; row <= rows; row++) {
      const across = row / rows;
      const height = heightAt(angle, across);
      const radius = radiusAt(angle, across);
      positions.push(radius * Math.cos(angle), radius * Math.sin(angle), height);
    }
  }
  for (let step = 0; step < options.steps; step++)
    for (let row = 0; row < rows; row++) {
      const a = step * (rows + 1) + row;
      const b = a + rows + 1;
      indices.push(a, b, a + 1, a + 1, b, b + 1);
    }
  const mesh = {
    positions: new Float32Array(positions),
    indices: new Uint32Array(indices),
    faceIds: new Int32Array(indices.length / 3),
    originMm: [0, 0, 0],
  } as unknown as DisplayMesh;
  return { mesh, triangles: Array.from({ length: indices.length / 3 }, (_, index) => index) };
}

const check = ({ mesh, triangles }: ReturnType<typeof surface>) =>
  wrapsAxisAsThread(mesh, triangles, [0, 0, 0], [0, 0, 1])?.kind ?? "neither";
const pitchMm = 1;

describe("a B-spline face wound round an axis as a thread", () => {
  it("is a thread flank: root to crest in every direction, all the way round, several turns", () => {
    // An M6 flank: from r 2.46 at the root to r 3.0 at the crest over half a pitch, climbing one pitch a turn.
    const flank = surface(
      (_angle, across) => 2.46 + 0.54 * across,
      (angle, across) => (angle / (2 * Math.PI)) * pitchMm + across * 0.5 * pitchMm,
      { turns: 10, steps: 10 * 12 },
    );
    expect(check(flank)).toBe("flank");
  });

  it("is a thread's crest, or a cylinder exported as a B-spline: one radius all round", () => {
    const crest = surface(
      () => 3,
      (angle, across) => (angle / (2 * Math.PI)) * pitchMm + across * 0.1,
      { turns: 10, steps: 10 * 12 },
    );
    expect(check(crest)).toBe("round");
  });

  it("is not a cam: its radius changes with the direction only, not from root to crest", () => {
    const cam = surface(
      (angle) => 20 + 3 * Math.cos(angle),
      (_angle, across) => across * 10,
      { turns: 1, steps: 72 },
    );
    expect(check(cam)).toBe("neither");
  });

  it("is not a tooth flank or any patch on one side of the axis", () => {
    const patch = surface(
      (_angle, across) => 9 + 2 * across,
      (angle, across) => angle + across * 5,
      { turns: 0.1, steps: 12 },
    );
    expect(check(patch)).toBe("neither");
  });

  it("is not a wide free-form surface, however round", () => {
    const wide = surface(
      (_angle, across) => 5 + 10 * across,
      (angle, across) => (angle / (2 * Math.PI)) * pitchMm + across * 2,
      { turns: 3, steps: 3 * 24 },
    );
    expect(check(wide)).toBe("neither");
  });
});
