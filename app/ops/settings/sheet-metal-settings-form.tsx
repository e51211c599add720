"use client";

import type { SheetMetalPricing } from "@/quoting-engine/pricing/sheet-metal/sheet-metal-pricing-data";
import { updateSheetMetalSettingsAction } from "./sheet-metal-settings-action";
import { SettingsForm } from "./settings-forms";

/**
 * The sheet-metal pricing (issue 23, docs/decisions/0054) as one JSON document: materials' thickness
 * ranges, sheet formats, spacing and scrap, the laser's speed table, press-brake and deburring times, the
 * K-factor table and tensile strengths. Saved as a new pricing settings version.
 */
export function SheetMetalSettingsForm({ settings }: { settings: SheetMetalPricing }) {
  const form = "sheet-metal";
  return (
    <SettingsForm action={updateSheetMetalSettingsAction} form={form} submit="Save the sheet-metal settings">
      {(state) => {
        const error = state.error("sheetMetalJson");
        return (
          <div className="field">
            <label htmlFor={`${form}-json`}>Sheet-metal pricing (JSON)</label>
            <textarea
              id={`${form}-json`}
              name="sheetMetalJson"
              rows={18}
              spellCheck={false}
              style={{ fontFamily: "monospace", fontSize: "0.8rem", width: "100%" }}
              defaultValue={state.value("sheetMetalJson") ?? JSON.stringify(settings, null, 2)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${form}-json-error` : `${form}-json-hint`}
            />
            {error ? (
              <p className="field-error" id={`${form}-json-error`} role="alert">
                {error}
              </p>
            ) : (
              <p className="hint" id={`${form}-json-hint`}>
                Speeds in mm/min and pierce seconds by group and thickness (interpolated), K-factors by group
                up to a thickness, seconds per bend, minutes per tool set, scrap share; sources in decision
                0054.
              </p>
            )}
          </div>
        );
      }}
    </SettingsForm>
  );
}
