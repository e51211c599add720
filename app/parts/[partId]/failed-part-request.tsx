"use client";

import { useState } from "react";
import type { QuoteCatalogue } from "@/lib/pricing/quote-catalogue";
import type { ManufacturingProcess } from "@/quoting-engine/catalogue/catalogue";
import { ManualQuoteForm } from "./manual-quote-form";
import styles from "./part.module.css";

/**
 * For a file the engine could not read: the way to a person instead of a dead end. The buyer names the
 * process, material and quantity wanted; the request carries the uploaded file (operations download it
 * from the request), the notes and an optional drawing.
 */
export function FailedPartRequest({
  partId,
  catalogue,
  defaultEmail,
}: {
  partId: string;
  catalogue: QuoteCatalogue;
  defaultEmail: string;
}) {
  const [process, setProcess] = useState<ManufacturingProcess>("cnc_milling");
  const materials = catalogue.processes.find((entry) => entry.code === process)!.materials;
  const [materialCode, setMaterialCode] = useState(materials[0]!.code);
  const [quantityText, setQuantityText] = useState("1");
  const quantity = /^\d{1,6}$/.test(quantityText) ? Number(quantityText) : 0;
  return (
    <section className="card narrow" aria-labelledby="request-heading" id="request-quote">
      <h2 id="request-heading">Have it quoted by an engineer</h2>
      <p className="hint">
        We send <strong>this file</strong> with your request: an engineer opens it in their own CAD software,
        prices the part and answers by e-mail within one working day.
      </p>
      <div className={styles.optionGrid}>
        <div className="field">
          <label htmlFor="failed-process">Process</label>
          <select
            id="failed-process"
            value={process}
            onChange={(event) => {
              const next = event.target.value as ManufacturingProcess;
              setProcess(next);
              setMaterialCode(catalogue.processes.find((entry) => entry.code === next)!.materials[0]!.code);
            }}
          >
            {catalogue.processes.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="failed-material">Material</label>
          <select
            id="failed-material"
            value={materialCode}
            onChange={(event) => setMaterialCode(event.target.value)}
          >
            {materials.map((material) => (
              <option key={material.code} value={material.code}>
                {material.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="failed-quantity">Quantity</label>
          <input
            id="failed-quantity"
            inputMode="numeric"
            value={quantityText}
            onChange={(event) => setQuantityText(event.target.value)}
          />
        </div>
      </div>
      <ManualQuoteForm
        partId={partId}
        options={{ process, materialCode, quantity }}
        defaultEmail={defaultEmail}
      />
    </section>
  );
}
