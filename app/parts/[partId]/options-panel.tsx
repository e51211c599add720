"use client";

import {
  quantityLimits,
  toleranceOptions,
  type ManufacturingProcess,
} from "@/quoting-engine/catalogue/catalogue";
import type { QuoteCatalogue } from "@/lib/pricing/quote-catalogue";
import {
  cheaperAlternatives,
  type CheaperAlternative,
} from "@/quoting-engine/pricing/cheaper-alternatives";
import { formatEuros } from "@/lib/money/format-euros";
import type { LiveQuote } from "./use-live-quote";
import styles from "./part.module.css";

/** The options a buyer chooses (process with every process's price, material, finish, tolerance, quantity). */
export function OptionsPanel({
  catalogue,
  live,
  chooseProcess,
  drawing = false,
}: {
  catalogue: QuoteCatalogue;
  live: LiveQuote;
  chooseProcess: (process: ManufacturingProcess) => void;
  /** A DXF drawing (issue 23): laser cutting is the one process that makes it. */
  drawing?: boolean;
}) {
  const recommended = live.comparison.recommended;
  const alternatives = alternativesToChoice(live);
  return (
    <section className="card" aria-labelledby="options-heading">
      <h2 id="options-heading">Options</h2>
      <fieldset className="field">
        <legend>Process</legend>
        {recommended && !drawing && (
          <p className={styles.recommendation} data-testid="process-recommendation">
            <strong>
              {recommended.designedFor ? "Recommended" : "Cheapest"}:{" "}
              {catalogue.processes.find((process) => process.code === recommended.process)?.name}
            </strong>{" "}
            because {recommended.because}.
          </p>
        )}
        <div className={styles.processChoices}>
          {catalogue.processes
            .filter((process) =>
              drawing ? process.code === "laser_cutting" : appliesToPart(process.code, live),
            )
            .map((process) => {
              const pricedProcess = live.comparison.priced.find(
                (candidate) => candidate.process === process.code,
              );
              const manual = live.comparison.manual.find((candidate) => candidate.process === process.code);
              const cheaper = alternatives.find((candidate) => candidate.process === process.code);
              // The chosen process shows the price of the chosen material (the live quote); the others
              // their cheapest material's, "from".
              const chosenPrice =
                live.options.process === process.code && live.priced?.process === process.code
                  ? live.priced
                  : null;
              return (
                <label
                  key={process.code}
                  className={`${styles.processChoice}${live.options.process === process.code ? " chosen" : ""}`}
                >
                  <input
                    type="radio"
                    name="process"
                    value={process.code}
                    checked={live.options.process === process.code}
                    onChange={() => chooseProcess(process.code)}
                  />
                  <span className="process-name">{process.name}</span>
                  <span className={styles.processPrice} data-testid={`process-price-${process.code}`}>
                    {chosenPrice
                      ? `${formatEuros(chosenPrice.buyer.unitPriceCents)}/pc${
                          live.smallOrder?.kind === "surcharge" && live.smallOrder.surchargeCents > 0
                            ? ` + ${formatEuros(live.smallOrder.surchargeCents)} small order`
                            : live.smallOrder?.kind === "missing"
                              ? " (below minimum order)"
                              : ""
                        }`
                      : pricedProcess
                        ? `${hasOtherMaterials(catalogue, process.code) ? "from " : ""}${formatEuros(pricedProcess.buyer.unitPriceCents)}/pc${
                            pricedProcess.smallOrderSurchargeCents > 0
                              ? ` + ${formatEuros(pricedProcess.smallOrderSurchargeCents)} small order`
                              : pricedProcess.belowMinimumOrder
                                ? " (below minimum order)"
                                : ""
                          }`
                        : manual
                          ? manual.cannotMake.length > 0
                            ? "not possible"
                            : "on request"
                          : "—"}
                  </span>
                  {cheaper && (
                    <span className={styles.processChange} data-testid={`process-change-${process.code}`}>
                      {formatEuros(cheaper.savesCentsPerPart)} less: {cheaper.changes}
                    </span>
                  )}
                </label>
              );
            })}
        </div>
      </fieldset>
      <div className={styles.optionGrid}>
        <div className="field">
          <label htmlFor="material">Material</label>
          <select
            id="material"
            value={live.options.materialCode}
            onChange={(event) => live.chooseMaterial(event.target.value)}
          >
            {live.processEntry.materials.map((material) => (
              <option key={material.code} value={material.code}>
                {material.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="finish">Finish</label>
          <select
            id="finish"
            value={live.options.finishCode}
            onChange={(event) => live.change({ finishCode: event.target.value })}
          >
            {live.processEntry.finishes
              .filter(
                (finish) => !finish.materialCodes || finish.materialCodes.includes(live.options.materialCode),
              )
              .map((finish) => (
                <option key={finish.code} value={finish.code}>
                  {finish.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tolerance">Tolerance</label>
          <select
            id="tolerance"
            value={live.options.tolerance}
            onChange={(event) => {
              const tolerance = toleranceOptions.find((option) => option === event.target.value);
              if (tolerance) live.change({ tolerance });
            }}
          >
            {catalogue.tolerances.map((tolerance) => (
              <option key={tolerance.code} value={tolerance.code}>
                {tolerance.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="quantity">Quantity</label>
          <input
            id="quantity"
            type="number"
            inputMode="numeric"
            min={quantityLimits.min}
            max={quantityLimits.max}
            value={live.quantityText}
            aria-invalid={!live.quantityValid}
            aria-describedby="quantity-error"
            onChange={(event) => live.typeQuantity(event.target.value)}
          />
          {!live.quantityValid && (
            <span id="quantity-error" className="field-error">
              Enter a whole number from {quantityLimits.min} to {quantityLimits.max}.
            </span>
          )}
        </div>
      </div>
    </section>
  );
}

/**
 * Laser cutting and sheet metal are offered only where they apply (the comparison lists them: the part
 * is sheet metal), or when chosen already; every other process is always listed, as before (issue 23).
 */
function appliesToPart(process: ManufacturingProcess, live: LiveQuote): boolean {
  if (process !== "sheet_metal" && process !== "laser_cutting") return true;
  return (
    live.options.process === process ||
    live.comparison.priced.some((quote) => quote.process === process) ||
    live.comparison.manual.some((quote) => quote.process === process)
  );
}

/** True when the process offers more than one material: its comparison price is its cheapest one's. */
function hasOtherMaterials(catalogue: QuoteCatalogue, process: ManufacturingProcess): boolean {
  return (catalogue.processes.find((entry) => entry.code === process)?.materials.length ?? 0) > 1;
}

/**
 * The processes cheaper than what the buyer has chosen now (the live price, in the chosen material, with
 * its small-order surcharge), once the comparison is at the same quantity; before the live price comes,
 * the recommendation's own list while the recommended process is chosen.
 */
function alternativesToChoice(live: LiveQuote): CheaperAlternative[] {
  const current = live.priced;
  const sameQuantity = live.comparison.priced.every((quote) => quote.quantity === current?.quantity);
  if (current && current.process === live.options.process && sameQuantity) {
    const surchargeCents = live.smallOrder?.kind === "surcharge" ? live.smallOrder.surchargeCents : 0;
    return cheaperAlternatives(live.comparison.priced, {
      ...current,
      totalWithSurchargeCents: current.buyer.totalPriceCents + surchargeCents,
    });
  }
  const recommended = live.comparison.recommended;
  return recommended && recommended.process === live.options.process ? recommended.alternatives : [];
}
