"use client";

import Link from "next/link";
import type { useFormAction } from "@/lib/forms/use-form-action";

/**
 * The required tick for the terms of business and the privacy notice, naming the versions shown; the
 * order records them. The texts open in a new tab, so what was typed in the checkout stays.
 */
export function LegalAcceptance({
  form,
  termsVersion,
  privacyVersion,
}: {
  form: ReturnType<typeof useFormAction>;
  termsVersion: number;
  privacyVersion: number;
}) {
  const error = form.error("acceptTerms");
  return (
    <div className="field">
      <input type="hidden" name="termsVersion" value={termsVersion} />
      <input type="hidden" name="privacyVersion" value={privacyVersion} />
      <label className="check">
        <input
          type="checkbox"
          name="acceptTerms"
          required
          defaultChecked={form.value("acceptTerms") === "on"}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "acceptTerms-error" : undefined}
        />
        <span>
          I accept the{" "}
          <Link href={`/terms?version=${termsVersion}`} target="_blank">
            terms of business
          </Link>{" "}
          (version {termsVersion}) and have read the{" "}
          <Link href={`/privacy?version=${privacyVersion}`} target="_blank">
            privacy notice
          </Link>{" "}
          (version {privacyVersion}).
        </span>
      </label>
      {error && (
        <span id="acceptTerms-error" className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
