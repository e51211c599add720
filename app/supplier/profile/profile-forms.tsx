"use client";

import { useState, type ReactNode } from "react";
import { CountrySelect } from "@/app/_components/country-select";
import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { saveLocationAction, saveMaterialsAction, saveProcessesAction } from "./actions";
import styles from "./profile.module.css";

/** Staff see every form filled in but disabled, without a save button. */
function Editable({
  editable,
  legend,
  children,
}: {
  editable: boolean;
  legend: string;
  children: ReactNode;
}) {
  return (
    <fieldset className={styles.plain} disabled={!editable}>
      <legend className="visually-hidden">{legend}</legend>
      {children}
    </fieldset>
  );
}

export interface LocationValues {
  countryCode: string;
  region: string;
  city: string;
  postalCode: string;
  addressLine: string;
  latitude: string;
  longitude: string;
  minOrderValueEuros: string;
  maxOrderValueEuros: string;
}

export function LocationForm({ editable, saved }: { editable: boolean; saved: LocationValues }) {
  const form = useFormAction(saveLocationAction, { defaults: { ...saved } });
  const { value, error, pending } = form;
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <Editable editable={editable} legend="Location and order values">
        <CountrySelect defaultValue={value("countryCode")} error={error("countryCode")} />
        <div className="field-row">
          <FormField
            name="postalCode"
            label="Postal code"
            autoComplete="postal-code"
            defaultValue={value("postalCode")}
            error={error("postalCode")}
          />
          <FormField
            name="city"
            label="City"
            autoComplete="address-level2"
            defaultValue={value("city")}
            error={error("city")}
            required
          />
        </div>
        <FormField
          name="addressLine"
          label="Street and number"
          autoComplete="street-address"
          defaultValue={value("addressLine")}
          error={error("addressLine")}
        />
        <FormField
          name="region"
          label="Region or state (optional)"
          autoComplete="address-level1"
          defaultValue={value("region")}
          error={error("region")}
        />
        <div className="field-row">
          <FormField
            name="latitude"
            label="Latitude (°)"
            inputMode="decimal"
            defaultValue={value("latitude")}
            error={error("latitude")}
          />
          <FormField
            name="longitude"
            label="Longitude (°)"
            inputMode="decimal"
            defaultValue={value("longitude")}
            error={error("longitude")}
          />
        </div>
        <p className="hint">
          Optional. Distances to buyers are measured from these coordinates, or from the middle of your
          country when they are empty.
        </p>
        <div className="field-row">
          <FormField
            name="minOrderValueEuros"
            label="Smallest order (€)"
            inputMode="decimal"
            defaultValue={value("minOrderValueEuros")}
            error={error("minOrderValueEuros")}
          />
          <FormField
            name="maxOrderValueEuros"
            label="Largest order (€)"
            inputMode="decimal"
            defaultValue={value("maxOrderValueEuros")}
            error={error("maxOrderValueEuros")}
          />
        </div>
        <p className="hint">Net value of one job for you; leave empty for no limit.</p>
        {editable && (
          <button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save location"}
          </button>
        )}
      </Editable>
    </form>
  );
}

export interface ProcessCapacity {
  process: string;
  label: string;
  offered: boolean;
  machineHoursPerWeek: string;
}

export function ProcessesForm({ editable, processes }: { editable: boolean; processes: ProcessCapacity[] }) {
  const form = useFormAction(saveProcessesAction);
  const sentOffers = form.values("offers");
  const wasTicked = (row: ProcessCapacity) => sentOffers?.includes(row.process) ?? row.offered;
  const [ticked, setTicked] = useState(
    () => new Set(processes.filter((row) => row.offered).map((row) => row.process)),
  );
  const tick = (process: string, on: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(process);
      else next.delete(process);
      return next;
    });
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <Editable editable={editable} legend="Processes you offer and their machine hours per week">
        <div className={styles.capacityRows}>
          <div className={`${styles.capacityRow} ${styles.capacityHead}`} aria-hidden="true">
            <span>Process you offer</span>
            <span>Machine hours per week</span>
          </div>
          {processes.map((row) => {
            const hoursId = `hours-${row.process}`;
            const error = form.error(`offeredProcesses.${row.process}`);
            return (
              <div key={row.process} className={styles.capacityRow}>
                <label className="check">
                  <input
                    type="checkbox"
                    name="offers"
                    value={row.process}
                    defaultChecked={wasTicked(row)}
                    onChange={(event) => tick(row.process, event.target.checked)}
                  />
                  {row.label}
                </label>
                <div className="field">
                  <label htmlFor={hoursId} className="visually-hidden">
                    Machine hours per week for {row.label}
                  </label>
                  <input
                    id={hoursId}
                    name={`hours.${row.process}`}
                    inputMode="decimal"
                    defaultValue={form.value(`hours.${row.process}`) ?? row.machineHoursPerWeek}
                    disabled={!ticked.has(row.process)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${hoursId}-error` : undefined}
                  />
                </div>
                {error && (
                  <span
                    id={`${hoursId}-error`}
                    className={`field-error ${styles.capacityError}`}
                    role="alert"
                  >
                    {error}
                  </span>
                )}
              </div>
            );
          })}
        </div>
        {form.error("offeredProcesses") && (
          <span className="field-error" role="alert">
            {form.error("offeredProcesses")}
          </span>
        )}
        <p className="hint">
          Hours all machines of a process can run in a normal week, Monday to Friday. Holidays below take
          their share off; use 0 to pause offers for a process.
        </p>
        {editable && (
          <button type="submit" disabled={form.pending}>
            {form.pending ? "Saving…" : "Save processes"}
          </button>
        )}
      </Editable>
    </form>
  );
}

export interface MaterialGroup {
  family: string;
  processesLabel: string;
  materials: { id: string; name: string; processesLabel: string | null; chosen: boolean }[];
}

export function MaterialsForm({ editable, groups }: { editable: boolean; groups: MaterialGroup[] }) {
  const form = useFormAction(saveMaterialsAction);
  const submitted = form.values("materialIds");
  const error = form.error("materialIds");
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <Editable editable={editable} legend="Materials you work with">
        {groups.map((group) => (
          <fieldset key={group.family} className="field">
            <legend>
              {group.family} <span className="hint">· {group.processesLabel}</span>
            </legend>
            <div className="checks">
              {group.materials.map((material) => (
                <label key={material.id}>
                  <input
                    type="checkbox"
                    name="materialIds"
                    value={material.id}
                    defaultChecked={submitted ? submitted.includes(material.id) : material.chosen}
                  />
                  <span>
                    {material.name}
                    {material.processesLabel && <span className="hint"> ({material.processesLabel})</span>}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
        {editable && (
          <button type="submit" disabled={form.pending}>
            {form.pending ? "Saving…" : "Save materials"}
          </button>
        )}
      </Editable>
    </form>
  );
}
