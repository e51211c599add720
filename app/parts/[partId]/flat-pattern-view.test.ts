import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { FlatPatternSummary } from "@/lib/parts/flat-pattern-summary";
import { FlatPatternView } from "./flat-pattern-view";

type Box = { minX: number; maxX: number; minY: number; maxY: number; text: string };

/** Each bend note's box in drawing units: anchored at its middle, 0.6 em per character, turned as drawn. */
function bendNoteBoxes(svg: string): Box[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*°[^<]*)<\/text>/g)].map(([, attributes, text]) => {
    const number = (name: string) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(attributes!)?.[1] ?? 0);
    const [x, y, size] = [number("x"), number("y"), number("font-size")];
    const turn = /rotate\(([-\d.]+) ([-\d.]+) ([-\d.]+)\)/.exec(attributes!);
    const [angle, cx, cy] = turn ? turn.slice(1).map(Number) : [0, x, y];
    const half = (text!.length * 0.6 * size) / 2;
    const corners = [
      [x - half, y - size * 0.8],
      [x + half, y - size * 0.8],
      [x - half, y + size * 0.2],
      [x + half, y + size * 0.2],
    ].map(([px, py]) => {
      const radians = (angle! * Math.PI) / 180;
      const [dx, dy] = [px! - cx!, py! - cy!];
      return [
        cx! + dx * Math.cos(radians) - dy * Math.sin(radians),
        cy! + dx * Math.sin(radians) + dy * Math.cos(radians),
      ];
    });
    const xs = corners.map(([px]) => px!);
    const ys = corners.map(([, py]) => py!);
    return {
      minX: Math.min(...xs),
      maxX: Math.max(...xs),
      minY: Math.min(...ys),
      maxY: Math.max(...ys),
      text: text!,
    };
  });
}

const overlap = (a: Box, b: Box) => a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;

describe("the flat pattern drawing", () => {
  it("writes the notes of bends 12.4 mm apart so that none covers another (OpenAMR's motor bracket)", () => {
    // The bracket's blank: 175.4 × 90 mm with two pairs of bends 12.4 mm apart, from edge to edge.
    const bend = (x: number, direction: "up" | "down") => ({
      from: [x, 0] as [number, number],
      to: [x, 90] as [number, number],
      angleDeg: 90,
      direction,
      innerRadiusMm: 2.4,
    });
    const pattern: FlatPatternSummary = {
      thicknessMm: 2,
      kFactor: 0.44,
      widthMm: 175.4,
      heightMm: 90,
      cutLengthMm: 700,
      pierces: 8,
      outer: [
        [0, 0],
        [175.4, 0],
        [175.4, 90],
        [0, 90],
      ],
      holes: [],
      bendLines: [bend(30.6, "up"), bend(43, "down"), bend(132.4, "down"), bend(144.8, "up")],
    };
    const boxes = bendNoteBoxes(renderToStaticMarkup(createElement(FlatPatternView, { pattern })));
    expect(boxes.map((box) => box.text)).toEqual([
      "▲ up 90° R2.4",
      "▼ down 90° R2.4",
      "▼ down 90° R2.4",
      "▲ up 90° R2.4",
    ]);
    for (const [index, box] of boxes.entries())
      for (const other of boxes.slice(index + 1))
        expect(overlap(box, other), `${box.text} and ${other.text}`).toBe(false);
    // Each note stays within the blank's height, beside its own line.
    for (const box of boxes) expect(box.minY >= 0 && box.maxY <= 90).toBe(true);
  });
});
