"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { chooseSheetThicknessAction } from "./actions";
import styles from "./sheet-thickness.module.css";

/** Thicknesses sheet is stocked in (EN 10131 cold-rolled and EN 10051 hot-rolled nominal sizes). */
const stockThicknessesMm = [0.5, 0.8, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 12, 15, 20];

/**
 * A DXF drawing carries no thickness: the buyer gives it here (2 mm until then). The stored outline is
 * priced again at once, with no new upload; the material is chosen with the other options.
 */
export function SheetThicknessChoice({ partId, currentMm }: { partId: string; currentMm: number }) {
  const form = useFormAction(chooseSheetThicknessAction, {
    resetOnSuccess: false,
    defaults: { thicknessMm: String(currentMm) },
  });
  const error = form.error("thicknessMm");
  return (
    <section className={`card ${styles.choice}`} aria-labelledby="sheet-thickness-heading">
      <h2 id="sheet-thickness-heading">Sheet thickness</h2>
      <p className={styles.hint}>
        A drawing has no thickness: choose the sheet it is cut from. It is priced as laser cutting; choose the
        material beside the price.
      </p>
      <form {...form.props} className={styles.form} aria-label="Sheet thickness of the drawing">
        <input type="hidden" name="partId" value={partId} />
        <label htmlFor="sheet-thickness">Thickness (mm)</label>
        <input
          id="sheet-thickness"
          name="thicknessMm"
          type="number"
          inputMode="decimal"
          step="0.1"
          min="0.5"
          max="50"
          list="sheet-thickness-stock"
          defaultValue={form.value("thicknessMm") ?? String(currentMm)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "sheet-thickness-error" : undefined}
        />
        <datalist id="sheet-thickness-stock">
          {stockThicknessesMm.map((thickness) => (
            <option key={thickness} value={thickness} />
          ))}
        </datalist>
        <button type="submit" className="secondary" disabled={form.pending}>
          {form.pending ? "Pricing…" : "Price at this thickness"}
        </button>
        {error && (
          <span id="sheet-thickness-error" className="field-error" role="alert">
            {error}
          </span>
        )}
        <FormMessages state={form.messages} />
      </form>
    </section>
  );
}
