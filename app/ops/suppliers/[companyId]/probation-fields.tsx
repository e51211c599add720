"use client";

import { FormField } from "@/app/_components/form-field";
import { probationDefaults } from "@/lib/probation/probation-defaults";

/**
 * The probation an approval with conditions starts (issue 21): the largest job value and the most open
 * jobs the matcher offers the partner until operations lift it, and the conditions' due date.
 */
export function ProbationFields({
  value,
  error,
  defaultDueOn,
}: {
  value: (name: string) => string | undefined;
  error: (name: string) => string | undefined;
  defaultDueOn: string;
}) {
  return (
    <fieldset className="field">
      <legend>Probation (for an approval with conditions)</legend>
      <span className="hint">
        Until you lift it on this page, the matcher offers the partner no job above the value limit and no
        more than the open jobs; after the due date, none. Leave a limit empty for none.
      </span>
      <div className="field-row">
        <FormField
          name="probationMaxOrderValueEuros"
          label="Largest job value (€)"
          inputMode="decimal"
          defaultValue={value("probationMaxOrderValueEuros") ?? String(probationDefaults.maxOrderValueEuros)}
          error={error("probationMaxOrderValueEuros")}
        />
        <FormField
          name="probationMaxOpenJobs"
          label="Open jobs at most"
          inputMode="numeric"
          defaultValue={value("probationMaxOpenJobs") ?? String(probationDefaults.maxOpenJobs)}
          error={error("probationMaxOpenJobs")}
        />
        <FormField
          name="conditionsDueOn"
          label="Conditions due by"
          type="date"
          defaultValue={value("conditionsDueOn") ?? defaultDueOn}
          error={error("conditionsDueOn")}
        />
      </div>
    </fieldset>
  );
}
