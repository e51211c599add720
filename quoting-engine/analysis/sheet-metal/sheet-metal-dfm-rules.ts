import type { DfmRule } from "../dfm-rules";
import type { FlatPoint } from "./sheet-metal-types";
import type { FlatBend, SheetMetalDetail } from "./unfold-sheet-metal";
import { polygonArea, polygonPerimeter } from "./flat-pattern-geometry";

/**
 * Sheet-metal limits (sources in docs/decisions/0053). Lengths relative to the thickness t where the
 * rule of thumb is; the press brake's die opening V is taken as 8 t (air bending of mild steel).
 */
export const sheetMetalLimits = {
  dieOpeningPerThickness: 8,
  /** Shortest leg a V-die holds while bending: 0.7 × V (= 5.6 t), outer dimension. */
  minFlangePerDieOpening: 0.7,
  /** Straight between two bends: half the die opening plus one thickness (= 5 t). */
  minBendGapPerThickness: 5,
  /** Hole edge to the bend zone: 2 t + r, or it draws out of round. */
  holeToBendPerThickness: 2,
  /** Round holes at least one thickness across. */
  minHolePerThickness: 1,
  /** Probe this far (× t) beyond a bend's end for material that would tear without a relief. */
  reliefProbePerThickness: 0.5,
  /** Largest sheet of the network (3000 × 1500 mm, the common large format). */
  largestSheetMm: [3000, 1500] as const,
  /** Thickest sheet the network's press brakes bend, and its lasers cut (mild steel). */
  maxBendThicknessMm: 10,
  maxLaserThicknessMm: 20,
};

const mm = (value: number) => `${Number(value.toFixed(1))} mm`;

type Finding = ReturnType<DfmRule["check"]>[number];

/** A rule that looks at the unfolded part only; parts that are not sheet metal have no findings. */
function onSheet(
  code: string,
  process: "sheet_metal" | "laser_cutting",
  severity: "error" | "warning",
  limit: number,
  check: (detail: SheetMetalDetail, limit: number) => Finding[],
): DfmRule {
  return {
    code,
    process,
    severity,
    limit,
    check: ({ sheetMetal }, allowed) => (sheetMetal?.detail ? check(sheetMetal.detail, allowed) : []),
  };
}

/** Signed distance of a flat point from the bend's centre line, across it. */
function across(bend: FlatBend, point: FlatPoint): number {
  const [dx, dy] = [bend.to[0] - bend.from[0], bend.to[1] - bend.from[1]];
  const length = Math.hypot(dx, dy);
  return ((point[0] - bend.from[0]) * -dy + (point[1] - bend.from[1]) * dx) / length;
}

function along(bend: FlatBend, point: FlatPoint): number {
  const [dx, dy] = [bend.to[0] - bend.from[0], bend.to[1] - bend.from[1]];
  const length = Math.hypot(dx, dy);
  return ((point[0] - bend.from[0]) * dx + (point[1] - bend.from[1]) * dy) / length;
}

function facePoints(detail: SheetMetalDetail, face: number): FlatPoint[] {
  const points: FlatPoint[] = [];
  detail.flatTriangleFaces.forEach((owner, triangle) => {
    if (owner !== face) return;
    for (let corner = 0; corner < 3; corner++)
      points.push([
        detail.flatTriangles[triangle * 6 + corner * 2]!,
        detail.flatTriangles[triangle * 6 + corner * 2 + 1]!,
      ]);
  });
  return points;
}

/** How far a flange reaches beyond the bend zone's edge on its side, in the flat. */
function reachBeyond(bend: FlatBend, points: FlatPoint[]): number {
  const distances = points.map((point) => across(bend, point));
  const side = Math.sign(distances.reduce((sum, value) => sum + value, 0)) || 1;
  return Math.max(...distances.map((value) => value * side)) - bend.halfZoneMm;
}

function insideTriangles(detail: SheetMetalDetail, face: number, point: FlatPoint): boolean {
  const t = detail.flatTriangles;
  for (let triangle = 0; triangle < detail.flatTriangleFaces.length; triangle++) {
    if (detail.flatTriangleFaces[triangle] !== face) continue;
    const [ax, ay, bx, by, cx, cy] = t.subarray(triangle * 6, triangle * 6 + 6);
    const d1 = (point[0] - bx!) * (ay! - by!) - (ax! - bx!) * (point[1] - by!);
    const d2 = (point[0] - cx!) * (by! - cy!) - (bx! - cx!) * (point[1] - cy!);
    const d3 = (point[0] - ax!) * (cy! - ay!) - (cx! - ax!) * (point[1] - ay!);
    const negative = d1 < 0 || d2 < 0 || d3 < 0;
    const positive = d1 > 0 || d2 > 0 || d3 > 0;
    if (!(negative && positive)) return true;
  }
  return false;
}

export const sheetMetalDfmRules: DfmRule[] = [
  onSheet(
    "flange_too_short",
    "sheet_metal",
    "error",
    sheetMetalLimits.dieOpeningPerThickness * sheetMetalLimits.minFlangePerDieOpening,
    (detail, perThickness) => {
      const allowed = perThickness * detail.thicknessMm;
      return detail.planes.flatMap((plane) => {
        const bends = detail.bends.filter((bend) => bend.planes.includes(plane));
        if (bends.length !== 1) return [];
        const bend = bends[0]!;
        const legMm = reachBeyond(bend, facePoints(detail, plane)) + bend.innerRadiusMm + detail.thicknessMm;
        return legMm < allowed - 1e-6
          ? [
              {
                message: `A flange is ${mm(legMm)} long (outside, bend included); a press brake's ${mm(sheetMetalLimits.dieOpeningPerThickness * detail.thicknessMm)} die holds at least ${mm(allowed)} at ${mm(detail.thicknessMm)}. Lengthen the marked flange or bend it with a special tool.`,
                measured: legMm,
                allowed,
                unit: "mm" as const,
                faces: [plane, ...bend.faces],
              },
            ]
          : [];
      });
    },
  ),
  onSheet(
    "bends_too_close",
    "sheet_metal",
    "warning",
    sheetMetalLimits.minBendGapPerThickness,
    (detail, perThickness) => {
      const allowed = perThickness * detail.thicknessMm;
      return detail.planes.flatMap((plane) => {
        const bends = detail.bends.filter((bend) => bend.planes.includes(plane));
        const findings: Finding[] = [];
        for (let i = 0; i < bends.length; i++)
          for (let j = i + 1; j < bends.length; j++) {
            const [a, b] = [bends[i]!, bends[j]!];
            const parallel =
              Math.abs(across(a, b.to) - across(a, b.from)) <
              1e-3 * Math.hypot(b.to[0] - b.from[0], b.to[1] - b.from[1]) + 1e-6;
            if (!parallel) continue;
            const gapMm = Math.abs(across(a, b.from)) - a.halfZoneMm - b.halfZoneMm;
            if (gapMm < allowed - 1e-6)
              findings.push({
                message: `Two bends are ${mm(Math.max(0, gapMm))} apart (flat between them); bending the second one needs ${mm(allowed)} at ${mm(detail.thicknessMm)} so the first flange clears the die. Move the bends apart or ask for an offset tool.`,
                measured: Math.max(0, gapMm),
                allowed,
                unit: "mm",
                faces: [plane, ...a.faces, ...b.faces],
              });
          }
        return findings;
      });
    },
  ),
  onSheet(
    "hole_near_bend",
    "sheet_metal",
    "warning",
    sheetMetalLimits.holeToBendPerThickness,
    (detail, perThickness) =>
      detail.holes.flatMap((hole) => {
        let nearest: { distance: number; bend: FlatBend } | undefined;
        for (const bend of detail.bends) {
          const length = Math.hypot(bend.to[0] - bend.from[0], bend.to[1] - bend.from[1]);
          const beside = hole.loop.filter(
            (point) => along(bend, point) > -1e-6 && along(bend, point) < length + 1e-6,
          );
          if (beside.length === 0) continue;
          const distance =
            Math.min(...beside.map((point) => Math.abs(across(bend, point)))) - bend.halfZoneMm;
          if (!nearest || distance < nearest.distance) nearest = { distance, bend };
        }
        if (!nearest) return [];
        const allowed = perThickness * detail.thicknessMm + nearest.bend.innerRadiusMm;
        return nearest.distance < allowed - 1e-6
          ? [
              {
                message: `A hole is ${mm(Math.max(0, nearest.distance))} from a bend; it needs ${mm(allowed)} (2 × thickness + inner radius) or it is pulled out of round. Move the marked hole away from the bend or have it cut after bending.`,
                measured: Math.max(0, nearest.distance),
                allowed,
                unit: "mm" as const,
                faces: [...hole.faces, ...nearest.bend.faces],
              },
            ]
          : [];
      }),
  ),
  onSheet(
    "bend_relief_missing",
    "sheet_metal",
    "warning",
    sheetMetalLimits.reliefProbePerThickness,
    (detail, perThickness) => {
      const probe = perThickness * detail.thicknessMm;
      return detail.bends.flatMap((bend) => {
        const length = Math.hypot(bend.to[0] - bend.from[0], bend.to[1] - bend.from[1]);
        const u: FlatPoint = [(bend.to[0] - bend.from[0]) / length, (bend.to[1] - bend.from[1]) / length];
        const v: FlatPoint = [-u[1], u[0]];
        const tearing = bend.planes.filter((plane) => {
          const side =
            Math.sign(facePoints(detail, plane).reduce((sum, point) => sum + across(bend, point), 0)) || 1;
          const offset = side * (bend.halfZoneMm + probe);
          return [
            [bend.from, -1],
            [bend.to, 1],
          ].some(([end, sign]) => {
            const [x, y] = end as FlatPoint;
            const point: FlatPoint = [
              x + u[0] * probe * (sign as number) + v[0] * offset,
              y + u[1] * probe * (sign as number) + v[1] * offset,
            ];
            return insideTriangles(detail, plane, point);
          });
        });
        return tearing.length > 0
          ? [
              {
                message: `A bend ends inside a flat area with no relief cut, so the sheet tears at its ends. Add a relief at least ${mm(detail.thicknessMm)} wide and ${mm(detail.thicknessMm + bend.innerRadiusMm)} deep at the marked bend's ends.`,
                measured: 0,
                allowed: detail.thicknessMm,
                unit: "mm" as const,
                faces: [...bend.faces, ...tearing],
              },
            ]
          : [];
      });
    },
  ),
  ...(["sheet_metal", "laser_cutting"] as const).map((process) =>
    onSheet(
      "hole_too_small",
      process,
      "warning",
      sheetMetalLimits.minHolePerThickness,
      (detail, perThickness) => {
        const allowed = perThickness * detail.thicknessMm;
        return detail.holes.flatMap((hole) => {
          // 4 × area / perimeter: the diameter of a round hole, the width of a long slot's ends less.
          const widthMm = (4 * Math.abs(polygonArea(hole.loop))) / polygonPerimeter(hole.loop);
          return widthMm < allowed - 1e-6
            ? [
                {
                  message: `A hole is ${mm(widthMm)} across; holes in ${mm(detail.thicknessMm)} sheet should be at least ${mm(allowed)} (one thickness) to cut cleanly. Enlarge the marked hole or drill it afterwards.`,
                  measured: widthMm,
                  allowed,
                  unit: "mm" as const,
                  faces: hole.faces,
                },
              ]
            : [];
        });
      },
    ),
  ),
  ...(["sheet_metal", "laser_cutting"] as const).map((process) =>
    onSheet("larger_than_sheet", process, "error", sheetMetalLimits.largestSheetMm[0], (detail) => {
      const xs = detail.outer.map((point) => point[0]);
      const ys = detail.outer.map((point) => point[1]);
      const [width, height] = [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
      const [longest, shortest] = sheetMetalLimits.largestSheetMm;
      return width > longest || height > shortest
        ? [
            {
              message: `The flat blank measures ${mm(width)} × ${mm(height)}; the largest sheet is ${longest} × ${shortest} mm. Split the part or ask for a manual quote.`,
              measured: width,
              allowed: longest,
              unit: "mm" as const,
              faces: [],
            },
          ]
        : [];
    }),
  ),
  onSheet(
    "too_thick_to_bend",
    "sheet_metal",
    "error",
    sheetMetalLimits.maxBendThicknessMm,
    (detail, allowed) =>
      detail.bends.length > 0 && detail.thicknessMm > allowed
        ? [
            {
              message: `The sheet is ${mm(detail.thicknessMm)} thick; the partners' press brakes bend at most ${mm(allowed)}. Ask for a manual quote or choose machining.`,
              measured: detail.thicknessMm,
              allowed,
              unit: "mm" as const,
              faces: detail.bends.flatMap((bend) => bend.faces),
            },
          ]
        : [],
  ),
  onSheet(
    "too_thick_to_cut",
    "laser_cutting",
    "error",
    sheetMetalLimits.maxLaserThicknessMm,
    (detail, allowed) =>
      detail.thicknessMm > allowed
        ? [
            {
              message: `The plate is ${mm(detail.thicknessMm)} thick; the partners' lasers cut at most ${mm(allowed)}. Ask for a manual quote.`,
              measured: detail.thicknessMm,
              allowed,
              unit: "mm" as const,
              faces: [],
            },
          ]
        : [],
  ),
  onSheet("has_bends", "laser_cutting", "error", 0, (detail) =>
    detail.bends.length > 0
      ? [
          {
            message: `The part has ${detail.bends.length} bend${detail.bends.length === 1 ? "" : "s"}; laser cutting makes flat parts only. Choose sheet metal (cut and bent).`,
            measured: detail.bends.length,
            allowed: 0,
            unit: "count" as const,
            faces: detail.bends.flatMap((bend) => bend.faces),
          },
        ]
      : [],
  ),
  onSheet("flat_pattern_overlaps", "sheet_metal", "error", 0, (detail) =>
    detail.overlaps
      ? [
          {
            message:
              "Unfolded, the part runs into itself: flanges overlap in the flat blank, so it cannot be cut in one piece. Shorten the marked flanges or make the part from two pieces.",
            measured: 1,
            allowed: 0,
            unit: "count" as const,
            faces: detail.planes.filter(
              (plane) => detail.bends.filter((bend) => bend.planes.includes(plane)).length === 1,
            ),
          },
        ]
      : [],
  ),
];
