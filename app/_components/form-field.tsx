import type { InputHTMLAttributes } from "react";
import { fieldIdOf } from "./field-id";

interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  /**
   * Prefixes the field's id (and its hint's and error's) where a page holds several forms with fields of
   * the same name: `idPrefix="sheet-machine"` gives `sheet-machine-name`, so each label names its own field.
   */
  idPrefix?: string;
}

/** A labelled input whose error is announced and tied to it for screen readers. */
export function FormField({ name, label, error, hint, idPrefix, ...inputProps }: FormFieldProps) {
  const id = fieldIdOf(name, idPrefix);
  const describedBy = [error ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        {...inputProps}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
