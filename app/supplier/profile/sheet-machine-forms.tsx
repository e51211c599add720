"use client";

import { useState } from "react";
import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { SelectField } from "@/app/_components/select-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { addSheetMachineAction, removeSheetMachineAction } from "./sheet-machine-actions";
import styles from "./profile.module.css";

/** Adds a laser (sheet format, thickest sheet per material) or a press brake (bend length, force). */
export function AddSheetMachineForm() {
  const form = useFormAction(addSheetMachineAction, { defaults: { kind: "LASER" } });
  const { value, error, pending } = form;
  const [kind, setKind] = useState(value("kind") || "LASER");
  return (
    <form
      {...form.props}
      className="form"
      noValidate
      aria-labelledby="add-sheet-machine-heading"
      onChange={(event) => {
        const target = event.target;
        if (target instanceof HTMLSelectElement && target.name === "kind") setKind(target.value);
      }}
    >
      <FormMessages state={form.messages} />
      <div className="field-row wide">
        <SelectField
          idPrefix="sheet-machine"
          name="kind"
          label="Machine"
          options={[
            { value: "LASER", label: "Laser (cuts sheet)" },
            { value: "PRESS_BRAKE", label: "Press brake (bends sheet)" },
          ]}
          placeholder="Choose a machine…"
          defaultValue={kind}
          error={error("kind")}
        />
        <FormField
          idPrefix="sheet-machine"
          name="name"
          label="Make and model"
          placeholder={kind === "LASER" ? "e.g. Trumpf TruLaser 3030 fiber" : "e.g. Trumpf TruBend 5130"}
          autoComplete="off"
          defaultValue={value("name")}
          error={error("name")}
          required
        />
      </div>
      {kind === "LASER" ? (
        <>
          <div className={`field-row ${styles.axes}`}>
            <FormField
              idPrefix="sheet-machine"
              name="sheetXMm"
              label="Sheet long edge (mm)"
              inputMode="decimal"
              defaultValue={value("sheetXMm")}
              error={error("sheetXMm")}
              required
            />
            <FormField
              idPrefix="sheet-machine"
              name="sheetYMm"
              label="Sheet short edge (mm)"
              inputMode="decimal"
              defaultValue={value("sheetYMm")}
              error={error("sheetYMm")}
              required
            />
          </div>
          <div className={`field-row ${styles.axes}`}>
            <FormField
              idPrefix="sheet-machine"
              name="maxSteelMm"
              label="Thickest steel (mm)"
              inputMode="decimal"
              defaultValue={value("maxSteelMm")}
              error={error("maxSteelMm")}
            />
            <FormField
              idPrefix="sheet-machine"
              name="maxStainlessMm"
              label="Thickest stainless (mm)"
              inputMode="decimal"
              defaultValue={value("maxStainlessMm")}
              error={error("maxStainlessMm")}
            />
            <FormField
              idPrefix="sheet-machine"
              name="maxAluminiumMm"
              label="Thickest aluminium (mm)"
              inputMode="decimal"
              defaultValue={value("maxAluminiumMm")}
              error={error("maxAluminiumMm")}
            />
          </div>
          <p className="hint">
            The sheet format it cuts and, per material, the thickest sheet; empty: it does not cut that
            material.
          </p>
        </>
      ) : (
        <>
          <div className={`field-row ${styles.axes}`}>
            <FormField
              idPrefix="sheet-machine"
              name="bendLengthMm"
              label="Bend length (mm)"
              inputMode="decimal"
              defaultValue={value("bendLengthMm")}
              error={error("bendLengthMm")}
              required
            />
            <FormField
              idPrefix="sheet-machine"
              name="tonnage"
              label="Force (t)"
              inputMode="decimal"
              defaultValue={value("tonnage")}
              error={error("tonnage")}
              required
            />
          </div>
          <p className="hint">
            The longest bend it makes and its force: the matcher checks both against the part&apos;s longest
            bend.
          </p>
        </>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add machine"}
      </button>
    </form>
  );
}

/** One laser's or press brake's remove button. */
export function RemoveSheetMachineButton({ id, label }: { id: string; label: string }) {
  const form = useFormAction(removeSheetMachineAction);
  return (
    <form {...form.props} className={styles.removeForm}>
      <input type="hidden" name="sheetMachineId" value={id} />
      <button type="submit" className="secondary small" disabled={form.pending} aria-label={label}>
        {form.pending ? "Removing…" : "Remove"}
      </button>
      {form.messages.error && (
        <span className="field-error" role="alert">
          {form.messages.error}
        </span>
      )}
    </form>
  );
}
