"use client";

import { useEffect } from "react";

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
