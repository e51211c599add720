"use client";

import { useEffect } from "react";
import { isOversizedFormMessage } from "@/lib/security/oversized-form-message";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  if (isOversizedFormMessage(error.message))
    // A form sent with more than its action takes (the browser's check bypassed): the server's sentence.
    return (
      <div className="narrow">
        <h1>The form was too large</h1>
        <p role="alert">{error.message}</p>
        <button type="button" onClick={reset}>
          Back to the form
        </button>
      </div>
    );
  return (
    <div className="narrow">
      <h1>Something went wrong</h1>
      <p className="muted">
        We could not show this page. Nothing you entered has been lost on our side. Try again, and if it keeps
        happening, tell us the reference below.
      </p>
      {error.digest && <p className="muted">Reference: {error.digest}</p>}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
