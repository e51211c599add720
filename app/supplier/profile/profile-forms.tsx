"use client";

import { useActionState, useState, type ReactNode } from "react";
import { CountrySelect } from "@/app/_components/country-select";
import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import {
  addCertificateAction,
  addMachineAction,
  blockDaysAction,
  removeCertificateAction,
  removeMachineAction,
  saveLocationAction,
  saveMaterialsAction,
  saveProcessesAction,
  unblockDayAction,
  type ProfileActionState,
} from "./actions";
import styles from "./profile.module.css";

type Action = (previous: ProfileActionState, formData: FormData) => Promise<ProfileActionState>;

interface Option {
  value: string;
  label: string;
}

function useProfileAction(action: Action) {
  return useActionState<ProfileActionState, FormData>(action, {});
}

function SelectField({
  name,
  label,
  options,
  defaultValue,
  error,
  placeholder,
}: {
  name: string;
  label: string;
  options: Option[];
  defaultValue?: string;
  error?: string;
  placeholder: string;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {/* Keyed by its value: React resets a form after its action, and a select keeps the option it
          was first rendered with, so a refused form would lose the choice without a fresh select. */}
      <select
        key={defaultValue ?? ""}
        id={name}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      >
        <option value="" disabled>
          {placeholder}
        </option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${name}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

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
  const [state, action, pending] = useProfileAction(saveLocationAction);
  const value = (name: keyof LocationValues) => state.values?.[name] ?? saved[name];
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="form" noValidate>
      <FormMessages state={state} />
      <Editable editable={editable} legend="Location and order values">
        {/* Keyed for the same reason as SelectField's select. */}
        <CountrySelect
          key={value("countryCode")}
          defaultValue={value("countryCode")}
          error={error("countryCode")}
        />
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
  const [state, action, pending] = useProfileAction(saveProcessesAction);
  const wasTicked = (row: ProcessCapacity) =>
    state.values ? (state.values.offers ?? "").split(",").includes(row.process) : row.offered;
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
    <form action={action} className="form" noValidate>
      <FormMessages state={state} />
      <Editable editable={editable} legend="Processes you offer and their machine hours per week">
        <div className={styles.capacityRows}>
          <div className={`${styles.capacityRow} ${styles.capacityHead}`} aria-hidden="true">
            <span>Process you offer</span>
            <span>Machine hours per week</span>
          </div>
          {processes.map((row) => {
            const hoursId = `hours-${row.process}`;
            const error = state.fieldErrors?.[`offeredProcesses.${row.process}`];
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
                    defaultValue={state.values?.[`hours.${row.process}`] ?? row.machineHoursPerWeek}
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
        {state.fieldErrors?.offeredProcesses && (
          <span className="field-error" role="alert">
            {state.fieldErrors.offeredProcesses}
          </span>
        )}
        <p className="hint">
          Hours all machines of a process can run in a normal week, Monday to Friday. Holidays below take
          their share off; use 0 to pause offers for a process.
        </p>
        {editable && (
          <button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save processes"}
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
  const [state, action, pending] = useProfileAction(saveMaterialsAction);
  const submitted = state.values ? (state.values.materialIds ?? "").split(",") : null;
  const error = state.fieldErrors?.materialIds ?? state.fieldErrors?.form;
  return (
    <form action={action} className="form" noValidate>
      <FormMessages state={state} />
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
          <button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save materials"}
          </button>
        )}
      </Editable>
    </form>
  );
}

export function AddMachineForm({ processes }: { processes: Option[] }) {
  const [state, action, pending] = useProfileAction(addMachineAction);
  const value = (name: string, fallback = "") => state.values?.[name] ?? fallback;
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="form" noValidate aria-labelledby="add-machine-heading">
      <FormMessages state={state} />
      <div className="field-row wide">
        <SelectField
          name="process"
          label="Process"
          options={processes}
          placeholder="Choose a process…"
          defaultValue={value("process", processes.length === 1 ? processes[0]!.value : "")}
          error={error("process")}
        />
        <FormField
          name="name"
          label="Make and model"
          placeholder="e.g. DMG Mori DMU 50"
          autoComplete="off"
          defaultValue={value("name")}
          error={error("name")}
          required
        />
        <FormField
          name="count"
          label="How many"
          inputMode="numeric"
          defaultValue={value("count", "1")}
          error={error("count")}
          required
        />
      </div>
      <div className={`field-row ${styles.axes}`}>
        {(["X", "Y", "Z"] as const).map((axis) => (
          <FormField
            key={axis}
            name={`envelope${axis}Mm`}
            label={`Envelope ${axis} (mm)`}
            inputMode="decimal"
            defaultValue={value(`envelope${axis}Mm`)}
            error={error(`envelope${axis}Mm`)}
            required
          />
        ))}
      </div>
      <p className="hint">The largest part the machine holds, in millimetres along each axis (1 to 5000).</p>
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add machine"}
      </button>
    </form>
  );
}

export function AddCertificateForm({ kinds }: { kinds: Option[] }) {
  const [state, action, pending] = useProfileAction(addCertificateAction);
  const value = (name: string) => state.values?.[name] ?? "";
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="form" noValidate aria-labelledby="add-certificate-heading">
      <FormMessages state={state} />
      <div className="field-row wide">
        <SelectField
          name="kind"
          label="Certificate"
          options={kinds}
          placeholder="Choose a certificate…"
          defaultValue={value("kind")}
          error={error("kind")}
        />
        <FormField
          name="number"
          label="Certificate number"
          autoComplete="off"
          defaultValue={value("number")}
          error={error("number")}
          required
        />
        <FormField
          name="issuer"
          label="Issued by"
          placeholder="e.g. TÜV SÜD"
          autoComplete="off"
          defaultValue={value("issuer")}
          error={error("issuer")}
          required
        />
      </div>
      <div className="field-row wide">
        <FormField
          name="validFrom"
          label="Valid from"
          type="date"
          defaultValue={value("validFrom")}
          error={error("validFrom")}
          required
        />
        <FormField
          name="validUntil"
          label="Valid until"
          type="date"
          defaultValue={value("validUntil")}
          error={error("validUntil")}
          required
        />
      </div>
      <FormField
        name="file"
        label="Scan of the certificate (optional)"
        type="file"
        accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
        hint="PDF, PNG or JPEG, at most 10 MB. Operations see it during your audit."
        error={error("file")}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add certificate"}
      </button>
    </form>
  );
}

export function BlockDaysForm({ today }: { today: string }) {
  const [state, action, pending] = useProfileAction(blockDaysAction);
  const value = (name: string) => state.values?.[name] ?? "";
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="form" noValidate aria-labelledby="block-days-heading">
      <FormMessages state={state} />
      <div className="field-row wide">
        <FormField
          name="from"
          label="From"
          type="date"
          min={today}
          defaultValue={value("from")}
          error={error("from")}
          required
        />
        <FormField
          name="to"
          label="Until (optional)"
          type="date"
          min={today}
          defaultValue={value("to")}
          error={error("to")}
        />
      </div>
      <FormField
        name="reason"
        label="Reason"
        placeholder="e.g. Company holiday"
        autoComplete="off"
        defaultValue={value("reason")}
        error={error("reason")}
        required
      />
      <p className="hint">
        Leave “Until” empty for a single day. Up to 366 days at once; weekends and days already blocked are
        skipped.
      </p>
      <button type="submit" disabled={pending}>
        {pending ? "Blocking…" : "Block days"}
      </button>
    </form>
  );
}

const removeActions = {
  machineId: removeMachineAction,
  certificateId: removeCertificateAction,
  blockedDayId: unblockDayAction,
} satisfies Record<string, Action>;

/** One row's remove button; a refusal (e.g. already removed in another tab) shows next to it. */
export function RemoveButton({
  idName,
  id,
  label,
  text = "Remove",
}: {
  idName: keyof typeof removeActions;
  id: string;
  label: string;
  text?: string;
}) {
  const [state, action, pending] = useProfileAction(removeActions[idName]);
  return (
    <form action={action} className={styles.removeForm}>
      <input type="hidden" name={idName} value={id} />
      <button type="submit" className="secondary small" disabled={pending} aria-label={label}>
        {pending ? "Removing…" : text}
      </button>
      {state.error && (
        <span className="field-error" role="alert">
          {state.error}
        </span>
      )}
    </form>
  );
}
