"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import type { PricedQuote, QuoteResult } from "@/quoting-engine/pricing/quote-part";
import type { CalendarDay } from "@/quoting-engine/pricing/delivery-calendar";
import type { ProcessComparison } from "@/quoting-engine/pricing/compare-processes";
import {
  isQuantityInRange,
  quantityLimits,
  toleranceOptions,
  type ManufacturingProcess,
  type ToleranceOption,
} from "@/quoting-engine/catalogue/catalogue";
import type { PartPageSummary } from "@/lib/parts/part-page-summary";
import type { QuoteCatalogue } from "@/lib/pricing/quote-catalogue";
import { formatEuros } from "@/lib/money/format-euros";
import { FindingButton } from "@/app/_components/part-viewer/finding-button";
import { PartViewer, type HighlightGroup } from "@/app/_components/part-viewer/part-viewer";
import { useFormAction } from "@/lib/forms/use-form-action";
import { addToCartAction } from "./actions";
import { ManualQuoteForm } from "./manual-quote-form";
import { DeliveryCalendar } from "./delivery-calendar";

export interface ChosenOptions {
  process: ManufacturingProcess;
  materialCode: string;
  finishCode: string;
  tolerance: ToleranceOption;
  quantity: number;
  deliveryDate?: string;
}

const red: [number, number, number] = [0.86, 0.2, 0.17];
const amber: [number, number, number] = [0.96, 0.62, 0.1];
const blue: [number, number, number] = [0.12, 0.37, 0.82];

interface Props {
  partId: string;
  fileName: string;
  meshUrl: string;
  summary: PartPageSummary;
  catalogue: QuoteCatalogue;
  initialComparison: ProcessComparison;
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
  const first = props.initialComparison.priced[0];
  const firstProcess = first?.process ?? props.initialComparison.manual[0]?.process ?? "cnc_milling";
  const [options, setOptions] = useState<ChosenOptions>(() => ({
    process: firstProcess,
    materialCode:
      first?.material.code ?? catalogue.processes.find((p) => p.code === firstProcess)!.materials[0]!.code,
    finishCode: plainFinish(catalogue, firstProcess),
    tolerance: "medium",
    quantity: 1,
  }));
  const [quantityText, setQuantityText] = useState("1");
  const [comparison, setComparison] = useState<ProcessComparison>(props.initialComparison);
  // The latest answer and the options it answers: the price is "updating" while they differ.
  const [result, setResult] = useState<{
    for: ChosenOptions;
    quote: QuoteResult;
    calendar: CalendarDay[];
  } | null>(null);
  const [requestError, setRequestError] = useState<{ for: ChosenOptions; message: string } | null>(null);
  const [selectedFinding, setSelectedFinding] = useState<string | null>(null);

  // Price the chosen options; a newer change cancels the request in flight.
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const { tolerance, ...rest } = options;
      fetch(`/api/v1/parts/${partId}/quote`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...rest, tolerance }),
        signal: controller.signal,
      })
        .then(async (response) => {
          const body = (await response.json()) as {
            quote: QuoteResult;
            calendar: CalendarDay[];
            error?: { message: string };
          };
          if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
          setResult({ for: options, quote: body.quote, calendar: body.calendar });
          setRequestError(null);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setRequestError({
            for: options,
            message: `The price could not be fetched: ${error instanceof Error ? error.message : String(error)}`,
          });
        });
    }, 40);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [partId, options]);

  // Every process's price at this quantity, for the comparison next to the process choice.
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/v1/parts/${partId}/quote`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ compare: true, quantity: options.quantity }),
        signal: controller.signal,
      })
        .then(async (response) =>
          response.ok ? setComparison((await response.json()) as ProcessComparison) : undefined,
        )
        .catch(() => undefined);
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [partId, options.quantity]);

  const processEntry = catalogue.processes.find((process) => process.code === options.process)!;
  // Memoised so the viewer repaints the mesh only when the process or the selection changes, not on
  // every price answer.
  const findings = useMemo(
    () => summary.findings.filter((finding) => finding.process === options.process),
    [summary.findings, options.process],
  );
  const highlights = useMemo<HighlightGroup[]>(() => {
    const groups: HighlightGroup[] = [
      { faces: findings.filter((f) => f.severity === "warning").flatMap((f) => f.faces), colour: amber },
      { faces: findings.filter((f) => f.severity === "error").flatMap((f) => f.faces), colour: red },
    ];
    const selected = summary.findings.find((finding) => finding.id === selectedFinding);
    if (selected) groups.push({ faces: selected.faces, colour: blue });
    return groups;
  }, [findings, selectedFinding, summary.findings]);

  const change = (next: Partial<ChosenOptions>) => setOptions((current) => ({ ...current, ...next }));
  const chooseProcess = (process: ManufacturingProcess) => {
    const entry = catalogue.processes.find((candidate) => candidate.code === process)!;
    const compared = comparison.priced.find((quote) => quote.process === process);
    setSelectedFinding(null);
    change({
      process,
      materialCode: compared?.material.code ?? entry.materials[0]!.code,
      finishCode: plainFinish(catalogue, process),
      deliveryDate: undefined,
    });
  };
  const chooseMaterial = (materialCode: string) => {
    const finish = processEntry.finishes.find((candidate) => candidate.code === options.finishCode);
    const fits = !finish?.materialCodes || finish.materialCodes.includes(materialCode);
    change({ materialCode, ...(fits ? {} : { finishCode: plainFinish(catalogue, options.process) }) });
  };

  const pricing = result?.for !== options && requestError?.for !== options;
  const quote = result?.quote;
  const priced = quote && quote.ok && !quote.needsManualQuote ? (quote as PricedQuote) : null;
  const manualReasons = quote && quote.ok && quote.needsManualQuote ? quote.reasons : null;
  const optionError = quote && !quote.ok ? quote.error : null;

  return (
    <div className="workspace">
      <div className="workspace-model">
        <PartViewer meshUrl={props.meshUrl} highlights={highlights} label={`3D view of ${props.fileName}`} />
        <div className="legend" aria-label="Colours in the 3D view">
          <span>
            <i style={{ background: "rgb(220,51,43)" }} /> cannot be made as drawn
          </span>
          <span>
            <i style={{ background: "rgb(245,158,26)" }} /> extra cost or risk
          </span>
          <span>
            <i style={{ background: "rgb(31,94,209)" }} /> selected finding
          </span>
        </div>
        <section aria-labelledby="findings-heading" className="card findings">
          <h2 id="findings-heading">Manufacturability for {processEntry.name}</h2>
          {findings.length === 0 && summary.notices.length === 0 && (
            <p className="alert ok">
              Nothing found that stops {processEntry.name} from making this part as drawn.
            </p>
          )}
          <ul className="finding-list">
            {findings.map((finding) => (
              <li key={finding.id}>
                <FindingButton
                  finding={finding}
                  selected={selectedFinding === finding.id}
                  onToggle={() => setSelectedFinding(selectedFinding === finding.id ? null : finding.id)}
                />
              </li>
            ))}
            {summary.notices.map((notice) => (
              <li key={notice.code} className="notice">
                <span className="badge UPLOADED">File</span> {notice.message}
              </li>
            ))}
          </ul>
        </section>
        <PartFacts summary={summary} />
      </div>

      <div className="workspace-quote">
        <section className="card" aria-labelledby="options-heading">
          <h2 id="options-heading">Options</h2>
          <fieldset className="field">
            <legend>Process</legend>
            <div className="process-choices">
              {catalogue.processes.map((process) => {
                const pricedProcess = comparison.priced.find(
                  (candidate) => candidate.process === process.code,
                );
                const manual = comparison.manual.find((candidate) => candidate.process === process.code);
                return (
                  <label
                    key={process.code}
                    className={`process-choice${options.process === process.code ? " chosen" : ""}`}
                  >
                    <input
                      type="radio"
                      name="process"
                      value={process.code}
                      checked={options.process === process.code}
                      onChange={() => chooseProcess(process.code)}
                    />
                    <span className="process-name">{process.name}</span>
                    <span className="process-price" data-testid={`process-price-${process.code}`}>
                      {pricedProcess
                        ? `${formatEuros(pricedProcess.buyer.unitPriceCents)}/pc`
                        : manual
                          ? "on request"
                          : "—"}
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>
          <div className="option-grid">
            <div className="field">
              <label htmlFor="material">Material</label>
              <select
                id="material"
                value={options.materialCode}
                onChange={(event) => chooseMaterial(event.target.value)}
              >
                {processEntry.materials.map((material) => (
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
                value={options.finishCode}
                onChange={(event) => change({ finishCode: event.target.value })}
              >
                {processEntry.finishes
                  .filter(
                    (finish) => !finish.materialCodes || finish.materialCodes.includes(options.materialCode),
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
                value={options.tolerance}
                onChange={(event) => {
                  const tolerance = toleranceOptions.find((option) => option === event.target.value);
                  if (tolerance) change({ tolerance });
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
                value={quantityText}
                aria-invalid={!isQuantity(quantityText)}
                aria-describedby="quantity-error"
                onChange={(event) => {
                  setQuantityText(event.target.value);
                  if (isQuantity(event.target.value))
                    change({ quantity: Number(event.target.value), deliveryDate: undefined });
                }}
              />
              {!isQuantity(quantityText) && (
                <span id="quantity-error" className="field-error">
                  Enter a whole number from {quantityLimits.min} to {quantityLimits.max}.
                </span>
              )}
            </div>
          </div>
        </section>

        <section className="card price-card" aria-labelledby="price-heading" aria-busy={pricing}>
          <h2 id="price-heading">Price</h2>
          {requestError && <p className="alert error">{requestError.message}</p>}
          {optionError && <p className="alert error">{optionError.message}</p>}
          {priced && (
            <>
              <div className="price-main">
                <div>
                  <div
                    className="price-unit"
                    data-testid="unit-price"
                    data-cents={priced.buyer.unitPriceCents}
                  >
                    {formatEuros(priced.buyer.unitPriceCents)}
                  </div>
                  <div className="muted">per part, excluding VAT</div>
                </div>
                <div>
                  <div
                    className="price-total"
                    data-testid="total-price"
                    data-cents={priced.buyer.totalPriceCents}
                  >
                    {formatEuros(priced.buyer.totalPriceCents)}
                  </div>
                  <div className="muted">
                    for {priced.quantity} · delivered{" "}
                    <strong data-testid="delivery-date">{priced.delivery.date}</strong>
                  </div>
                </div>
              </div>
              {priced.warnings.length > 0 && (
                <ul className="warnings">
                  {priced.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              )}
              <OrderButtons partId={partId} options={options} buyer={buyer} />
              <p className="hint">
                Price valid until {priced.validUntil}. Made by an audited partner; we guarantee the spec.
              </p>
            </>
          )}
          {manualReasons && (
            <>
              <div className="alert warn">
                <strong>This part needs a quote from an engineer:</strong>
                <ul>
                  {manualReasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </div>
              <ManualQuoteForm partId={partId} options={options} defaultEmail={buyer?.email ?? ""} />
            </>
          )}
        </section>

        {priced && (
          <>
            <section className="card" aria-labelledby="calendar-heading">
              <h2 id="calendar-heading">Delivery date</h2>
              <p className="hint">Working days in Germany; a later date costs less.</p>
              <DeliveryCalendar
                days={result!.calendar}
                chosen={priced.delivery.date}
                onChoose={(date) => change({ deliveryDate: date })}
              />
            </section>
            <section className="card" aria-labelledby="breakdown-heading">
              <h2 id="breakdown-heading">What the price is made of (per part)</h2>
              <table className="breakdown">
                <tbody>
                  {priced.breakdown.map((line, index) => (
                    <tr key={`${line.kind}-${index}`}>
                      <td>
                        {line.label}
                        {line.minutesPerPart !== undefined && (
                          <span className="muted"> · {line.minutesPerPart} min</span>
                        )}
                      </td>
                      <td className="amount">{formatEuros(line.centsPerPart)}</td>
                    </tr>
                  ))}
                  <tr className="sum">
                    <td>Unit price</td>
                    <td className="amount">{formatEuros(priced.buyer.unitPriceCents)}</td>
                  </tr>
                </tbody>
              </table>
            </section>
            <section className="card" aria-labelledby="breaks-heading">
              <h2 id="breaks-heading">Price per quantity</h2>
              <table className="price-breaks">
                <thead>
                  <tr>
                    <th scope="col">Quantity</th>
                    <th scope="col">Per part</th>
                    <th scope="col">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {priced.priceBreaks.map((priceBreak) => (
                    <tr
                      key={priceBreak.quantity}
                      className={priceBreak.quantity === priced.quantity ? "chosen" : ""}
                    >
                      <td>
                        <button
                          type="button"
                          className="link"
                          onClick={() => {
                            setQuantityText(String(priceBreak.quantity));
                            change({ quantity: priceBreak.quantity, deliveryDate: undefined });
                          }}
                        >
                          {priceBreak.quantity}
                        </button>
                      </td>
                      <td className="amount">{formatEuros(priceBreak.buyerUnitPriceCents)}</td>
                      <td className="amount">{formatEuros(priceBreak.buyerTotalPriceCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="hint">At the standard delivery date.</p>
            </section>
          </>
        )}
      </div>
    </div>
  );
}

function OrderButtons({
  partId,
  options,
  buyer,
}: {
  partId: string;
  options: ChosenOptions;
  buyer: Props["buyer"];
}) {
  const form = useFormAction(addToCartAction);
  const here = `/parts/${partId}`;
  if (!buyer)
    return (
      <div className="actions">
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} className="button">
          Create an account to order
        </Link>
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className="button secondary">
          Sign in
        </Link>
      </div>
    );
  return (
    <form {...form.props} className="actions">
      <input type="hidden" name="partId" value={partId} />
      <input type="hidden" name="options" value={JSON.stringify(options)} />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Adding…" : "Add to cart"}
      </button>
      {form.messages.error && (
        <p className="alert error" role="alert">
          {form.messages.error}
        </p>
      )}
    </form>
  );
}

function PartFacts({ summary }: { summary: PartPageSummary }) {
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
      <dl className="facts">
        <dt>Size</dt>
        <dd data-testid="part-size">
          {x} × {y} × {z} mm
        </dd>
        <dt>Volume</dt>
        <dd>{summary.volumeCm3.toFixed(2)} cm³</dd>
        <dt>Surface</dt>
        <dd>{summary.areaCm2.toFixed(1)} cm²</dd>
        {summary.bodyCount > 1 && (
          <>
            <dt>Bodies</dt>
            <dd>{summary.bodyCount}</dd>
          </>
        )}
        <dt>Features</dt>
        <dd>
          {counts.length
            ? counts.map(([name, count]) => `${count} ${name}${count === 1 ? "" : "s"}`).join(", ")
            : "none recognised"}
        </dd>
        <dt>Machining</dt>
        <dd>
          {f.setups} setup{f.setups === 1 ? "" : "s"}
          {f.undercut ? ", has undercuts" : ""}
          {f.turnable ? ", turnable" : ""}
        </dd>
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

function plainFinish(catalogue: QuoteCatalogue, process: ManufacturingProcess): string {
  const entry = catalogue.processes.find((candidate) => candidate.code === process)!;
  return (entry.finishes.find((finish) => finish.plain) ?? entry.finishes[0]!).code;
}

function isQuantity(text: string): boolean {
  return /^\d{1,6}$/.test(text) && isQuantityInRange(Number(text));
}
