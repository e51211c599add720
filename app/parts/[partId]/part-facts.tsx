import type { PartPageSummary } from "@/lib/parts/part-page-summary";
import factsStyles from "@/app/_components/facts.module.css";
import { UnitSwitch } from "./unit-switch";

/** The part's size, volume, surface, bodies, recognised features and machining facts. */
export function PartFacts({ summary, partId }: { summary: PartPageSummary; partId: string }) {
  const [x, y, z] = summary.sizeMm.map((value) => value.toFixed(1));
  const f = summary.features;
  const counts = (
    [
      ["hole", f.holes],
      ["pocket", f.pockets],
      ["slot", f.slots],
      ["step", f.steps],
      ["passage", f.passages],
      ["fillet", f.fillets],
      ["chamfer", f.chamfers],
    ] as const
  ).filter(([, count]) => count > 0);
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">The part</h2>
      <dl className={factsStyles.facts}>
        <dt>Size</dt>
        <dd>
          <span data-testid="part-size">
            {x} × {y} × {z} mm
          </span>
          {summary.meshUnit && <UnitSwitch partId={partId} current={summary.meshUnit.current} />}
        </dd>
        <dt>Volume</dt>
        <dd>{summary.volumeCm3.toFixed(2)} cm³</dd>
        <dt>Surface</dt>
        <dd>{summary.areaCm2.toFixed(1)} cm²</dd>
        {summary.bodyCount > 1 && (
          <>
            <dt>Parts</dt>
            <dd>{summary.bodyCount}</dd>
          </>
        )}
        {!summary.drawing && (
          <>
            <dt>Features</dt>
            <dd>
              {counts.length || f.threadMajorDiameterMm
                ? [
                    ...(f.threadMajorDiameterMm
                      ? [`a modelled thread ⌀${f.threadMajorDiameterMm.toFixed(1)} mm`]
                      : []),
                    ...counts.map(([name, count]) => `${count} ${name}${count === 1 ? "" : "s"}`),
                  ].join(", ")
                : "none recognised"}
            </dd>
            <dt>Machining</dt>
            <dd>
              {f.setups} setup{f.setups === 1 ? "" : "s"}
              {f.undercut ? ", has undercuts" : ""}
              {f.turning ? `, ${f.turning}` : ""}
            </dd>
          </>
        )}
        {f.minWallMm !== undefined && (
          <>
            <dt>Thinnest wall</dt>
            <dd>{f.minWallMm.toFixed(2)} mm</dd>
          </>
        )}
      </dl>
    </section>
  );
}
