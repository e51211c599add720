"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { switchPartUnitAction } from "./actions";
import styles from "./part.module.css";

const unitLabels = { mm: "mm", cm: "cm", m: "m", inch: "inch" } as const;

/**
 * A small control beside an STL or OBJ part's size: the unit its file is read in. Switching re-measures
 * the stored file in that unit and prices it again; no new upload (docs/decisions/0037).
 */
export function UnitSwitch({ partId, current }: { partId: string; current: string }) {
  const form = useFormAction(switchPartUnitAction, { resetOnSuccess: false, defaults: { unit: current } });
  const error = form.error("unit");
  return (
    <form {...form.props} className={styles.unitSwitch} aria-label="Unit of the file">
      <input type="hidden" name="partId" value={partId} />
      <label htmlFor="part-unit">Drawn in</label>
      <select
        id="part-unit"
        name="unit"
        defaultValue={form.value("unit") ?? current}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "part-unit-error" : undefined}
      >
        {Object.entries(unitLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={form.pending}>
        {form.pending ? "Measuring…" : "Re-measure"}
      </button>
      {error && (
        <span id="part-unit-error" className="field-error" role="alert">
          {error}
        </span>
      )}
      <FormMessages state={form.messages} />
    </form>
  );
}
