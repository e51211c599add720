import { heatMapTicksMm, heatMapTopMm, thicknessCss } from "./thickness-colours";
import styles from "./part-viewer.module.css";

/** The heat map's key: the palette as a bar with millimetre marks, and what grey and white mean. */
export function ThicknessLegend({ id }: { id: string }) {
  const stops = Array.from({ length: 13 }, (_, index) => {
    const mm = (index / 12) * heatMapTopMm;
    return `${thicknessCss(mm)} ${((index / 12) * 100).toFixed(1)}%`;
  });
  return (
    <figure id={id} className={styles.thicknessLegend} aria-label="Wall thickness colours">
      <figcaption>Wall thickness, mm</figcaption>
      <div
        className={styles.thicknessBar}
        style={{ background: `linear-gradient(to right, ${stops.join(", ")})` }}
      />
      <ol className={styles.thicknessTicks}>
        {heatMapTicksMm.map((mm) => (
          <li key={mm} style={{ left: `${(mm / heatMapTopMm) * 100}%` }}>
            {mm === heatMapTopMm ? `≥ ${mm}` : mm}
          </li>
        ))}
      </ol>
      <p className={styles.thicknessKey}>
        <span>
          <i style={{ background: "rgb(184, 194, 207)" }} /> no wall here (sharp edge, thread crest)
        </span>
        <span>
          <i style={{ background: "#ffffff" }} /> selected finding
        </span>
      </p>
    </figure>
  );
}
