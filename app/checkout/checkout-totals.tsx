"use client";

import { useEffect, useRef, useState } from "react";
import { formatEuros } from "@/lib/money/format-euros";
import type { CheckoutTotals as Totals } from "@/lib/vat/preview-checkout-totals";
import styles from "./checkout-totals.module.css";

type State =
  | { status: "loading"; totals: Totals | null }
  | { status: "ready"; totals: Totals }
  | { status: "refused"; message: string }
  | { status: "failed" };

/** What the checkout form says now: the shipping country (billing's when shipping goes there) and the VAT ID. */
function readForm(form: HTMLFormElement) {
  const field = (name: string) =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const same = (field("shippingSame") as HTMLInputElement | null)?.checked ?? true;
  return {
    shippingCountryCode: field(same ? "billing.countryCode" : "shipping.countryCode")?.value ?? "DE",
    vatNumber: field("vatNumber")?.value ?? "",
  };
}

/**
 * Net, VAT (rate and why) and gross of the cart, beside the checkout form: asked from the server
 * (POST /api/v1/checkout/totals, the same VAT decision placeOrder makes, VIES included) when the page
 * opens and whenever the shipping country or the VAT ID changes.
 */
export function CheckoutTotals({ formId, netCents }: { formId: string; netCents: number }) {
  const [state, setState] = useState<State>({ status: "loading", totals: null });
  const asked = useRef("");
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const input = readForm(form);
      const key = JSON.stringify(input);
      if (key === asked.current) return;
      asked.current = key;
      controller?.abort();
      controller = new AbortController();
      setState((previous) => ({ status: "loading", totals: "totals" in previous ? previous.totals : null }));
      try {
        const response = await fetch("/api/v1/checkout/totals", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: key,
          signal: controller.signal,
        });
        const body = (await response.json()) as Totals & { error?: { message: string } };
        if (response.ok) setState({ status: "ready", totals: body });
        else if (response.status === 422 && body.error)
          setState({ status: "refused", message: body.error.message });
        else setState({ status: "failed" });
      } catch (error) {
        if (!(error instanceof DOMException && error.name === "AbortError")) setState({ status: "failed" });
      }
    };
    // Shipping fields appear after React re-renders for the "ship to billing" box: ask a moment later.
    const soon = (delayMs: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => void ask(), delayMs);
    };
    const onChange = () => soon(50);
    const onInput = (event: Event) => {
      if ((event.target as HTMLInputElement | null)?.name === "vatNumber") soon(700);
    };
    form.addEventListener("change", onChange);
    form.addEventListener("input", onInput);
    void ask();
    return () => {
      clearTimeout(timer);
      controller?.abort();
      form.removeEventListener("change", onChange);
      form.removeEventListener("input", onInput);
    };
  }, [formId]);

  const totals = state.status === "ready" || state.status === "loading" ? state.totals : null;
  return (
    <div className={styles.totals} data-testid="checkout-totals" aria-busy={state.status === "loading"}>
      <dl>
        <div>
          <dt>Net</dt>
          <dd data-testid="checkout-net">{formatEuros(totals?.netCents ?? netCents)}</dd>
        </div>
        <div>
          <dt>
            VAT{" "}
            <span className={styles.rate} data-testid="checkout-vat-rate">
              {totals ? totals.label : state.status === "loading" ? "…" : ""}
            </span>
          </dt>
          <dd data-testid="checkout-vat">{totals ? formatEuros(totals.vatCents) : "–"}</dd>
        </div>
        <div className={styles.gross}>
          <dt>Total</dt>
          <dd data-testid="checkout-gross">{totals ? formatEuros(totals.grossCents) : "–"}</dd>
        </div>
      </dl>
      <p className="hint" aria-live="polite" data-testid="checkout-vat-reason">
        {state.status === "loading" && !totals && "Working out the VAT…"}
        {state.status === "loading" && totals && "Checking the VAT again…"}
        {state.status === "ready" && totals?.reason}
        {state.status === "failed" &&
          "The VAT could not be worked out just now; placing the order works it out again."}
      </p>
      {state.status === "refused" && (
        <p className="alert error" role="alert" data-testid="checkout-vat-refusal">
          {state.message}
        </p>
      )}
      <p className="hint">The prices are frozen when you place the order.</p>
    </div>
  );
}
