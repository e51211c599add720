"use client";

import { useState, type ChangeEvent } from "react";
import { complaintPhotosRefusal } from "@/lib/complaints/complaint-photo-limits";
import { FieldError } from "./field-error";

/**
 * The photos of a complaint or of the partner's answer, checked as they are chosen: more than five, or one
 * over 10 MB, is refused here with the server's words and the form cannot be sent (the input's custom
 * validity), instead of posting more than the action may carry and losing the typed text to an error
 * page. The server checks again, and the bytes (check-complaint-photos.ts).
 */
export function ComplaintPhotosField({
  id,
  label,
  serverError,
}: {
  id: string;
  label: string;
  serverError: string | undefined;
}) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const found = complaintPhotosRefusal([...(input.files ?? [])]);
    input.setCustomValidity(found ?? "");
    setRefusal(found);
  };
  const message = refusal ?? serverError;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name="photos"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/heic"
        multiple
        onChange={onChange}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} message={message} />
    </div>
  );
}
