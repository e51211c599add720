import type { FlatPatternSummary } from "@/lib/parts/flat-pattern-summary";
import styles from "./flat-pattern.module.css";

/** 138.5, 100, 0.56: one decimal at most, no trailing zero. */
const mm = (value: number) => String(Math.round(value * 10) / 10);

/**
 * An unfolded blank drawn: outline and holes, bend lines (up and down told apart by line pattern and a
 * marker, not only colour, with a legend), the blank's width and height as dimension lines, and its
 * thickness, bends and cut length in words. The file's one part (flat-pattern-view.tsx) or each part of
 * a file of several (separate-parts-view.tsx).
 */
export function FlatPatternDrawing({ pattern }: { pattern: FlatPatternSummary }) {
  const { widthMm: w, heightMm: h } = pattern;
  const size = Math.max(w, h, 1);
  const margin = size * 0.14;
  const font = size / 24;
  // SVG's y runs down; the drawing's up.
  const at = ([x, y]: [number, number]) => `${x.toFixed(2)} ${(h - y).toFixed(2)}`;
  const loop = (points: [number, number][]) => (points.length > 0 ? `M${points.map(at).join(" L")} Z` : "");
  const body = [pattern.outer, ...pattern.holes].map(loop).join(" ");
  const bends = pattern.bendLines.length;
  return (
    <>
      <p className={styles.summary}>
        {mm(pattern.thicknessMm)} mm sheet · blank {mm(w)} × {mm(h)} mm · {bends} bend
        {bends === 1 ? "" : "s"} · {mm(pattern.cutLengthMm / 1000)} m of cut, {pattern.pierces} pierce
        {pattern.pierces === 1 ? "" : "s"}
      </p>
      <svg
        className={styles.drawing}
        viewBox={`${-margin} ${-margin * 0.4} ${w + margin * 1.4} ${h + margin * 1.4}`}
        role="img"
        aria-label={`Flat pattern: blank ${mm(w)} by ${mm(h)} mm with ${pattern.holes.length} cut-outs and ${bends} bend lines`}
      >
        <path d={body} className={styles.blank} fillRule="evenodd" vectorEffect="non-scaling-stroke" />
        {pattern.bendLines.map((line, index) => {
          const midX = (line.from[0] + line.to[0]) / 2;
          const midY = h - (line.from[1] + line.to[1]) / 2;
          const label = `${line.direction === "up" ? "▲ up" : "▼ down"} ${mm(line.angleDeg)}° R${mm(line.innerRadiusMm)}`;
          // Along its line, so the notes of bends close side by side do not run into each other; turned to
          // read left to right or bottom to top, and smaller when the line is shorter than the note.
          const lengthMm = Math.hypot(line.to[0] - line.from[0], line.to[1] - line.from[1]);
          let turnDeg = (Math.atan2(line.from[1] - line.to[1], line.to[0] - line.from[0]) * 180) / Math.PI;
          if (turnDeg > 90) turnDeg -= 180;
          if (turnDeg <= -90) turnDeg += 180;
          const labelFont = Math.min(font, (lengthMm * 0.9) / (label.length * 0.6));
          return (
            <g key={index} className={line.direction === "up" ? styles.bendUp : styles.bendDown}>
              <line
                x1={line.from[0]}
                y1={h - line.from[1]}
                x2={line.to[0]}
                y2={h - line.to[1]}
                vectorEffect="non-scaling-stroke"
              />
              <text
                x={midX}
                y={midY - labelFont * 0.4}
                fontSize={labelFont}
                textAnchor="middle"
                transform={`rotate(${turnDeg.toFixed(2)} ${midX.toFixed(2)} ${midY.toFixed(2)})`}
              >
                {label}
              </text>
            </g>
          );
        })}
        <g className={styles.dimension} fontSize={font}>
          <line x1={0} y1={h + margin * 0.5} x2={w} y2={h + margin * 0.5} vectorEffect="non-scaling-stroke" />
          <line x1={0} y1={h + margin * 0.3} x2={0} y2={h + margin * 0.7} vectorEffect="non-scaling-stroke" />
          <line x1={w} y1={h + margin * 0.3} x2={w} y2={h + margin * 0.7} vectorEffect="non-scaling-stroke" />
          <text x={w / 2} y={h + margin * 0.5 + font * 1.1} textAnchor="middle">
            {mm(w)} mm
          </text>
          <line x1={-margin * 0.5} y1={0} x2={-margin * 0.5} y2={h} vectorEffect="non-scaling-stroke" />
          <line x1={-margin * 0.7} y1={0} x2={-margin * 0.3} y2={0} vectorEffect="non-scaling-stroke" />
          <line x1={-margin * 0.7} y1={h} x2={-margin * 0.3} y2={h} vectorEffect="non-scaling-stroke" />
          <text
            x={-margin * 0.5 - font * 0.4}
            y={h / 2}
            textAnchor="middle"
            transform={`rotate(-90 ${-margin * 0.5 - font * 0.4} ${h / 2})`}
          >
            {mm(h)} mm
          </text>
        </g>
      </svg>
      {bends > 0 && (
        <div className={styles.legend} aria-label="Bend lines in the flat pattern">
          <span>
            <svg width="36" height="10" aria-hidden="true" className={styles.bendUp}>
              <line x1="0" y1="5" x2="36" y2="5" />
            </svg>
            ▲ bend up (dashed)
          </span>
          <span>
            <svg width="36" height="10" aria-hidden="true" className={styles.bendDown}>
              <line x1="0" y1="5" x2="36" y2="5" />
            </svg>
            ▼ bend down (dash-dot)
          </span>
        </div>
      )}
    </>
  );
}
