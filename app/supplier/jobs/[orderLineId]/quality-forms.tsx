"use client";

import { CheckedFileField } from "@/app/_components/checked-file-field";
import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import type { QualityDocumentKind } from "@/lib/db/generated/enums";
import { useFormAction } from "@/lib/forms/use-form-action";
import {
  qualityDocumentFileTypes,
  qualityDocumentKinds,
  qualityDocumentLabels,
} from "@/lib/quality-documents/quality-document-kinds";
import { carrierCodes, carriers } from "@/lib/shipments/carriers";
import { recordShipmentAction, uploadQualityDocumentAction } from "./quality-actions";
import styles from "./quality.module.css";

/** Upload a quality document: which one, and the file (PDF; photos too for an inspection report). */
export function QualityDocumentForm({
  orderLineId,
  missing,
}: {
  orderLineId: string;
  missing: readonly QualityDocumentKind[];
}) {
  const form = useFormAction(uploadQualityDocumentAction);
  const kindError = form.error("kind");
  return (
    <form {...form.props} className={`form ${styles.inlineForm}`} noValidate>
      <FormMessages state={form.messages} />
      <input type="hidden" name="orderLineId" value={orderLineId} />
      <div className="field">
        <label htmlFor="kind">Document</label>
        <select
          id="kind"
          name="kind"
          defaultValue={form.value("kind") ?? missing[0] ?? qualityDocumentKinds[0]}
          aria-invalid={kindError ? true : undefined}
        >
          {qualityDocumentKinds.map((kind) => (
            <option key={kind} value={kind}>
              {qualityDocumentLabels[kind]}
              {qualityDocumentFileTypes[kind].length > 1 ? " (PDF or photo)" : " (PDF)"}
            </option>
          ))}
        </select>
        {kindError && <span className="field-error">{kindError}</span>}
      </div>
      <CheckedFileField
        name="file"
        label="File (PDF, PNG or JPEG, up to 10 MB)"
        rule="qualityDocument"
        accept="application/pdf,image/png,image/jpeg"
        serverError={form.error("file")}
      />
      <button type="submit" className="secondary" disabled={form.pending}>
        {form.pending ? "Uploading…" : "Upload document"}
      </button>
    </form>
  );
}

/** Ship a parcel: carrier, tracking number and how many parts are in it (all that are left by default). */
export function ShipmentForm({ orderLineId, left }: { orderLineId: string; left: number }) {
  const form = useFormAction(recordShipmentAction);
  const carrierError = form.error("carrier");
  if (left === 0) return <FormMessages state={form.messages} />;
  return (
    <form {...form.props} className={`form ${styles.inlineForm}`} noValidate>
      <FormMessages state={form.messages} />
      <input type="hidden" name="orderLineId" value={orderLineId} />
      <div className="field">
        <label htmlFor="carrier">Carrier</label>
        <select
          id="carrier"
          name="carrier"
          defaultValue={form.value("carrier") ?? ""}
          aria-invalid={carrierError ? true : undefined}
        >
          <option value="" disabled>
            Choose the carrier…
          </option>
          {carrierCodes.map((code) => (
            <option key={code} value={code}>
              {carriers[code].name}
            </option>
          ))}
        </select>
        {carrierError && <span className="field-error">{carrierError}</span>}
      </div>
      <FormField
        name="trackingNumber"
        label="Tracking number"
        required
        maxLength={60}
        autoComplete="off"
        error={form.error("trackingNumber")}
        defaultValue={form.value("trackingNumber")}
      />
      <FormField
        name="quantity"
        label={`Parts in this parcel (${left} left to ship)`}
        type="number"
        min={1}
        max={left}
        required
        error={form.error("quantity")}
        defaultValue={form.value("quantity") ?? String(left)}
      />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Ship this parcel"}
      </button>
    </form>
  );
}
