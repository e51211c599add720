import { Colors, DxfWriter, LWPolylineFlags, Units, point2d, point3d } from "@tarikjabiri/dxf";
import type { SheetMetalFlatPattern } from "./sheet-metal-types";

/** Layer names the partner's CAM reads: cut contours on one, bend lines (with their notes) on the other. */
export const flatPatternLayers = { cut: "CUT", bend: "BEND" } as const;

/**
 * The flat pattern as DXF text (millimetres): the outer contour and every hole as closed polylines on
 * layer CUT, each bend line on layer BEND with a note "UP 90° R2" at its middle, seen from the side the
 * pattern is drawn from. For the partner after acceptance; the laser's CAM nests and cuts from it.
 */
export function writeFlatPatternDxf(flatPattern: SheetMetalFlatPattern, thicknessMm?: number): string {
  const dxf = new DxfWriter();
  dxf.setUnits(Units.Millimeters);
  dxf.addLayer(flatPatternLayers.cut, Colors.White, "CONTINUOUS");
  dxf.addLayer(flatPatternLayers.bend, Colors.Yellow, "CONTINUOUS");
  for (const loop of [flatPattern.outline.outer, ...flatPattern.outline.holes]) {
    dxf.addLWPolyline(
      loop.map(([x, y]) => ({ point: point2d(x, y) })),
      { flags: LWPolylineFlags.Closed, layerName: flatPatternLayers.cut },
    );
  }
  const noteHeightMm = Math.max(1, Math.min(flatPattern.widthMm, flatPattern.heightMm) / 40);
  for (const line of flatPattern.bendLines) {
    dxf.addLine(point3d(line.from[0], line.from[1]), point3d(line.to[0], line.to[1]), {
      layerName: flatPatternLayers.bend,
    });
    const note = `${line.direction.toUpperCase()} ${formatted(line.angleDeg)}° R${formatted(line.innerRadiusMm)}`;
    dxf.addText(
      point3d((line.from[0] + line.to[0]) / 2, (line.from[1] + line.to[1]) / 2),
      noteHeightMm,
      note,
      { layerName: flatPatternLayers.bend },
    );
  }
  if (thicknessMm !== undefined)
    dxf.addText(point3d(0, -3 * noteHeightMm), noteHeightMm, `THICKNESS ${formatted(thicknessMm)} MM`, {
      layerName: flatPatternLayers.bend,
    });
  return dxf.stringify();
}

function formatted(value: number): string {
  return String(Math.round(value * 100) / 100);
}
