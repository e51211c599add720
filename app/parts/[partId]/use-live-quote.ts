"use client";

import { useEffect, useState } from "react";
import type { PricedQuote, QuoteResult } from "@/quoting-engine/pricing/quote-part";
import type { CalendarDay } from "@/quoting-engine/pricing/delivery-calendar";
import type { StoredComparison } from "@/lib/small-orders/compared-with-small-orders";
import {
  isQuantityInRange,
  type ManufacturingProcess,
  type ToleranceOption,
} from "@/quoting-engine/catalogue/catalogue";
import type { QuoteCatalogue } from "@/lib/pricing/quote-catalogue";
import type { SmallOrder } from "@/lib/small-orders/small-order-for-quote";

export interface ChosenOptions {
  process: ManufacturingProcess;
  materialCode: string;
  finishCode: string;
  tolerance: ToleranceOption;
  quantity: number;
  deliveryDate?: string;
}

/**
 * The buyer's chosen options and their live price: every change is priced by the quote API (a newer change
 * cancels the request in flight), and every process is priced at the chosen quantity for the comparison.
 * The browser never computes a price itself. `pricing` is true while the shown answer is for older options.
 */
export function useLiveQuote({
  partId,
  catalogue,
  initialComparison,
}: {
  partId: string;
  catalogue: QuoteCatalogue;
  initialComparison: StoredComparison;
}) {
  // The process the part is designed for (decision 0117), else the cheapest.
  const recommended = initialComparison.recommended?.process;
  const first =
    initialComparison.priced.find((quote) => quote.process === recommended) ?? initialComparison.priced[0];
  const firstProcess = first?.process ?? initialComparison.manual[0]?.process ?? "cnc_milling";
  const [options, setOptions] = useState<ChosenOptions>(() => ({
    process: firstProcess,
    materialCode:
      first?.material.code ?? catalogue.processes.find((p) => p.code === firstProcess)!.materials[0]!.code,
    finishCode: plainFinish(catalogue, firstProcess),
    tolerance: "medium",
    quantity: 1,
  }));
  const [quantityText, setQuantityText] = useState("1");
  const [comparison, setComparison] = useState<StoredComparison>(initialComparison);
  // The latest answer and the options it answers: the price is "updating" while they differ.
  const [result, setResult] = useState<{
    for: ChosenOptions;
    quote: QuoteResult;
    calendar: CalendarDay[];
    smallOrder: SmallOrder | null;
  } | null>(null);
  const [requestError, setRequestError] = useState<{ for: ChosenOptions; message: string } | null>(null);

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
            smallOrder?: SmallOrder | null;
            error?: { message: string };
          };
          if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
          setResult({
            for: options,
            quote: body.quote,
            calendar: body.calendar,
            smallOrder: body.smallOrder ?? null,
          });
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
          response.ok ? setComparison((await response.json()) as StoredComparison) : undefined,
        )
        .catch(() => undefined);
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [partId, options.quantity]);

  const processEntry = catalogue.processes.find((process) => process.code === options.process)!;
  const change = (next: Partial<ChosenOptions>) => setOptions((current) => ({ ...current, ...next }));
  const chooseProcess = (process: ManufacturingProcess) => {
    const entry = catalogue.processes.find((candidate) => candidate.code === process)!;
    const compared = comparison.priced.find((quote) => quote.process === process);
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
  /** The quantity as typed; the options (and so the price) change only when it is a valid quantity. */
  const typeQuantity = (text: string) => {
    setQuantityText(text);
    if (isQuantity(text)) change({ quantity: Number(text), deliveryDate: undefined });
  };

  const quote = result?.quote;
  return {
    options,
    processEntry,
    comparison,
    quantityText,
    quantityValid: isQuantity(quantityText),
    pricing: result?.for !== options && requestError?.for !== options,
    requestError,
    priced: quote && quote.ok && !quote.needsManualQuote ? (quote as PricedQuote) : null,
    manualReasons: quote && quote.ok && quote.needsManualQuote ? quote.reasons : null,
    /** The process cannot make the part at all (a plate on a lathe): no request form, another process. */
    cannotMake: quote && quote.ok && quote.needsManualQuote ? quote.cannotMake : null,
    /** What the partners' minimum order values ask of the priced line (surcharge or amount missing). */
    smallOrder: result?.smallOrder ?? null,
    optionError: quote && !quote.ok ? quote.error : null,
    calendar: result?.calendar ?? [],
    change,
    chooseProcess,
    chooseMaterial,
    typeQuantity,
  };
}

export type LiveQuote = ReturnType<typeof useLiveQuote>;

function plainFinish(catalogue: QuoteCatalogue, process: ManufacturingProcess): string {
  const entry = catalogue.processes.find((candidate) => candidate.code === process)!;
  return (entry.finishes.find((finish) => finish.plain) ?? entry.finishes[0]!).code;
}

function isQuantity(text: string): boolean {
  return /^\d{1,6}$/.test(text) && isQuantityInRange(Number(text));
}
