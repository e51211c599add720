import { fieldIdOf } from "./field-id";

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled select with a disabled placeholder first, its error announced and tied to it. */
export function SelectField({
  name,
  label,
  options,
  defaultValue,
  error,
  placeholder,
  idPrefix,
}: {
  name: string;
  label: string;
  options: SelectOption[];
  defaultValue?: string;
  error?: string;
  placeholder: string;
  /** Prefixes the id where a page holds several forms with a field of this name (FormField's idPrefix). */
  idPrefix?: string;
}) {
  const id = fieldIdOf(name, idPrefix);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
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
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
