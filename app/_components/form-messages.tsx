/** The form-wide error (announced at once) and success message of a server-action form. */
export function FormMessages({ state }: { state: { error?: string; success?: string } }) {
  return (
    <>
      {state.error && (
        <div className="alert error" role="alert">
          {state.error}
        </div>
      )}
      {state.success && (
        <div className="alert ok" role="status">
          {state.success}
        </div>
      )}
    </>
  );
}
