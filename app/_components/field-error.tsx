/** A field's error, announced and tied to its input by `id` (the input's aria-describedby names it). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="field-error" role="alert">
      {message}
    </span>
  ) : null;
}
