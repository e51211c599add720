import styles from "./team-card-forms.module.css";

/**
 * A fieldset of checkboxes, one a choice, each naming its code and its label: the scopes of a new API key,
 * the events of a new webhook endpoint. `checked` says which start ticked; `error` is the field's message.
 */
export function ChoiceChecklist({
  legend,
  name,
  choices,
  checked,
  error,
  className,
}: {
  legend: string;
  name: string;
  choices: { value: string; label: string }[];
  checked: (value: string) => boolean;
  error: string | undefined;
  /** The fieldset's frame (the cards differ in padding). */
  className: string | undefined;
}) {
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className={styles.choice}>
          <input type="checkbox" name={name} value={choice.value} defaultChecked={checked(choice.value)} />
          <span>
            <code>{choice.value}</code> {choice.label}
          </span>
        </label>
      ))}
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}

/** The checklist's choices from codes and the table that labels them (apiScopes, webhookEventTypes). */
export function labelledChoices<Code extends string>(
  codes: readonly Code[],
  labels: Record<Code, { label: string }>,
): { value: string; label: string }[] {
  return codes.map((code) => ({ value: code, label: labels[code].label }));
}
