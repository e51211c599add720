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
}: {
  name: string;
  label: string;
  options: SelectOption[];
  defaultValue?: string;
  error?: string;
  placeholder: string;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select
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
