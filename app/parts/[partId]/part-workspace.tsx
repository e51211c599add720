"use client";

import { useMemo, useState } from "react";
import type { StoredComparison } from "@/lib/small-orders/compared-with-small-orders";
import type { ManufacturingProcess } from "@/quoting-engine/catalogue/catalogue";
import type { PartPageSummary } from "@/lib/parts/part-page-summary";
import type { QuoteCatalogue } from "@/lib/pricing/quote-catalogue";
import { FlatPatternView } from "./flat-pattern-view";
import { SeparatePartsView } from "./separate-parts-view";
import { SheetThicknessChoice } from "./sheet-thickness-choice";
import { PartViewer, type HighlightGroup } from "@/app/_components/part-viewer/part-viewer";
import { PrintedOrientationNote } from "./printed-orientation-note";
import { FindingsPanel } from "./findings-panel";
import { OptionsPanel } from "./options-panel";
import { PartFacts } from "./part-facts";
import { PriceDetails } from "./price-details";
import { PricePanel } from "./price-panel";
import { useLiveQuote } from "./use-live-quote";
import legendStyles from "@/app/_components/legend.module.css";
import workspaceStyles from "@/app/_components/workspace.module.css";

const red: [number, number, number] = [0.86, 0.2, 0.17];
const amber: [number, number, number] = [0.96, 0.62, 0.1];
const blue: [number, number, number] = [0.12, 0.37, 0.82];
const white: [number, number, number] = [1, 1, 1];

interface Props {
  partId: string;
  fileName: string;
  meshUrl: string;
  summary: PartPageSummary;
  catalogue: QuoteCatalogue;
  initialComparison: StoredComparison;
  /** The signed-in buyer (every buyer role may quote and fill a cart), or null for a visitor. */
  buyer: { email: string } | null;
}

/**
 * The part page's working area: the 3D view with the chosen process's manufacturability findings
 * painted on it, the findings list (click one to mark its faces), and the options with a live price,
 * breakdown, price breaks and delivery calendar. Prices come from the quote API, which prices the stored
 * analysis in milliseconds; the browser never computes a price itself.
 */
export function PartWorkspace(props: Props) {
  const { partId, summary, catalogue, buyer } = props;
  const live = useLiveQuote({ partId, catalogue, initialComparison: props.initialComparison });
  const { options, processEntry, priced } = live;
  const [selectedFinding, setSelectedFinding] = useState<string | null>(null);

  // Memoised so the viewer repaints the mesh only when the process or the selection changes, not on
  // every price answer.
  const findings = useMemo(
    () => summary.findings.filter((finding) => finding.process === options.process),
    [summary.findings, options.process],
  );
  const highlights = useMemo<HighlightGroup[]>(() => {
    // Wall findings mark their region on the thickness map: every triangle thinner than their limit.
    const group = (
      list: typeof findings,
      colour: [number, number, number],
      heatMapColour?: [number, number, number],
    ): HighlightGroup[] =>
      list.map((finding) => ({
        faces: finding.faces,
        colour,
        ...(finding.code === "wall_too_thin" ? { belowThicknessMm: finding.allowed } : {}),
        ...(heatMapColour ? { heatMapColour } : {}),
      }));
    const groups: HighlightGroup[] = [
      ...group(
        findings.filter((f) => f.severity === "warning"),
        amber,
      ),
      ...group(
        findings.filter((f) => f.severity === "error"),
        red,
      ),
    ];
    const selected = summary.findings.find((finding) => finding.id === selectedFinding);
    if (selected) groups.push(...group([selected], blue, white));
    return groups;
  }, [findings, selectedFinding, summary.findings]);

  const orientation = summary.buildOrientations[options.process];

  const chooseProcess = (process: ManufacturingProcess) => {
    setSelectedFinding(null);
    live.chooseProcess(process);
  };

  return (
    <div className={workspaceStyles.workspace}>
      <div className={workspaceStyles.workspaceModel}>
        {summary.drawing ? (
          // A DXF drawing has no 3D shape: its outline and the thickness the buyer gives it (issue 23).
          <SheetThicknessChoice partId={partId} currentMm={summary.drawing.thicknessMm} />
        ) : (
          <>
            <PartViewer
              meshUrl={props.meshUrl}
              highlights={highlights}
              label={`3D view of ${props.fileName}`}
              orientation={orientation}
            />
            <div
              className={`${legendStyles.legend} ${workspaceStyles.modelLegend}`}
              aria-label="Colours in the 3D view"
            >
              <span>
                <i style={{ background: "rgb(220,51,43)" }} /> no instant price as drawn
              </span>
              <span>
                <i style={{ background: "rgb(245,158,26)" }} /> extra cost or risk
              </span>
              <span>
                <i style={{ background: "rgb(31,94,209)" }} /> selected finding
              </span>
              {orientation && (
                <span>
                  <i style={{ background: "rgb(125,77,191)" }} /> needs support (as printed)
                </span>
              )}
            </div>
          </>
        )}
        {summary.flatPattern && (
          <FlatPatternView pattern={summary.flatPattern} leading={Boolean(summary.drawing)} />
        )}
        {summary.separateParts && (
          <SeparatePartsView
            parts={summary.separateParts}
            findings={findings}
            processName={processEntry.name}
          />
        )}
        {orientation && <PrintedOrientationNote process={options.process} orientation={orientation} />}
        <FindingsPanel
          processName={processEntry.name}
          findings={findings}
          notices={summary.notices}
          selectedFinding={selectedFinding}
          onSelect={setSelectedFinding}
        />
        <PartFacts summary={summary} partId={partId} />
      </div>

      <div className={workspaceStyles.workspaceQuote}>
        <OptionsPanel
          catalogue={catalogue}
          live={live}
          chooseProcess={chooseProcess}
          drawing={Boolean(summary.drawing)}
        />
        <PricePanel partId={partId} buyer={buyer} live={live} />
        {priced && (
          <PriceDetails
            priced={priced}
            calendar={live.calendar}
            change={live.change}
            typeQuantity={live.typeQuantity}
          />
        )}
      </div>
    </div>
  );
}
