"use client";

import { CheckedFileField } from "@/app/_components/checked-file-field";
import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { SelectField, type SelectOption } from "@/app/_components/select-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import {
  addCertificateAction,
  addMachineAction,
  blockDaysAction,
  removeCertificateAction,
  removeMachineAction,
  unblockDayAction,
} from "./actions";
import styles from "./profile.module.css";

export function AddMachineForm({ processes }: { processes: SelectOption[] }) {
  const form = useFormAction(addMachineAction, {
    defaults: { process: processes.length === 1 ? processes[0]!.value : "", count: "1" },
  });
  const { value, error, pending } = form;
  return (
    <form {...form.props} className="form" noValidate aria-labelledby="add-machine-heading">
      <FormMessages state={form.messages} />
      <div className="field-row wide">
        <SelectField
          idPrefix="machine"
          name="process"
          label="Process"
          options={processes}
          placeholder="Choose a process…"
          defaultValue={value("process")}
          error={error("process")}
        />
        <FormField
          idPrefix="machine"
          name="name"
          label="Make and model"
          placeholder="e.g. DMG Mori DMU 50"
          autoComplete="off"
          defaultValue={value("name")}
          error={error("name")}
          required
        />
        <FormField
          idPrefix="machine"
          name="count"
          label="How many"
          inputMode="numeric"
          defaultValue={value("count")}
          error={error("count")}
          required
        />
      </div>
      <div className={`field-row ${styles.axes}`}>
        {(["X", "Y", "Z"] as const).map((axis) => (
          <FormField
            idPrefix="machine"
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

export function AddCertificateForm({ kinds }: { kinds: SelectOption[] }) {
  const form = useFormAction(addCertificateAction);
  const { value, error, pending } = form;
  return (
    <form {...form.props} className="form" noValidate aria-labelledby="add-certificate-heading">
      <FormMessages state={form.messages} />
      <div className="field-row wide">
        <SelectField
          idPrefix="certificate"
          name="kind"
          label="Certificate"
          options={kinds}
          placeholder="Choose a certificate…"
          defaultValue={value("kind")}
          error={error("kind")}
        />
        <FormField
          idPrefix="certificate"
          name="number"
          label="Certificate number"
          autoComplete="off"
          defaultValue={value("number")}
          error={error("number")}
          required
        />
        <FormField
          idPrefix="certificate"
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
          idPrefix="certificate"
          name="validFrom"
          label="Valid from"
          type="date"
          defaultValue={value("validFrom")}
          error={error("validFrom")}
          required
        />
        <FormField
          idPrefix="certificate"
          name="validUntil"
          label="Valid until"
          type="date"
          defaultValue={value("validUntil")}
          error={error("validUntil")}
          required
        />
      </div>
      <CheckedFileField
        idPrefix="certificate"
        name="file"
        label="Scan of the certificate (optional)"
        rule="scan"
        accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
        hint="PDF, PNG or JPEG, at most 10 MB. Operations see it during your audit."
        serverError={error("file")}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add certificate"}
      </button>
    </form>
  );
}

export function BlockDaysForm({ today }: { today: string }) {
  const form = useFormAction(blockDaysAction);
  const { value, error, pending } = form;
  return (
    <form {...form.props} className="form" noValidate aria-labelledby="block-days-heading">
      <FormMessages state={form.messages} />
      <div className="field-row wide">
        <FormField
          idPrefix="block-days"
          name="from"
          label="From"
          type="date"
          min={today}
          defaultValue={value("from")}
          error={error("from")}
          required
        />
        <FormField
          idPrefix="block-days"
          name="to"
          label="Until (optional)"
          type="date"
          min={today}
          defaultValue={value("to")}
          error={error("to")}
        />
      </div>
      <FormField
        idPrefix="block-days"
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
};

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
  const form = useFormAction(removeActions[idName]);
  return (
    <form {...form.props} className={styles.removeForm}>
      <input type="hidden" name={idName} value={id} />
      <button type="submit" className="secondary small" disabled={form.pending} aria-label={label}>
        {form.pending ? "Removing…" : text}
      </button>
      {form.messages.error && (
        <span className="field-error" role="alert">
          {form.messages.error}
        </span>
      )}
    </form>
  );
}
