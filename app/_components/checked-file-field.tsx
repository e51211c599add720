"use client";

import { useState, type ChangeEvent } from "react";
import { chosenFilesRefusal, maxFilesOf } from "@/lib/forms/chosen-files-refusal";
import { uploadFileRules } from "@/lib/forms/upload-file-rules";
import { FieldError } from "./field-error";

/**
 * A file input checked as files are chosen, against the rule its server action checks again
 * (lib/forms/upload-file-rules.ts): too many files, one over the limit, or a type the server refuses by
 * name is said here with the server's words, and the input's custom validity stops the post (also in
 * forms that skip the browser's validation: useFormAction's submit handler looks at file inputs). Without
 * it a file past the action's body limit ended on the error page and the typed form was lost.
 */
export function CheckedFileField({
  id,
  name,
  label,
  rule,
  accept,
  hint,
  required,
  serverError,
}: {
  id: string;
  name: string;
  label: string;
  rule: keyof typeof uploadFileRules;
  accept: string;
  hint?: string;
  required?: boolean;
  serverError: string | undefined;
}) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const found = chosenFilesRefusal([...(input.files ?? [])], uploadFileRules[rule]);
    input.setCustomValidity(found ?? "");
    setRefusal(found);
  };
  const message = refusal ?? serverError;
  const describedBy = [hint ? `${id}-hint` : undefined, message ? `${id}-error` : undefined]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        multiple={maxFilesOf(uploadFileRules[rule]) > 1}
        required={required}
        onChange={onChange}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      <FieldError id={`${id}-error`} message={message} />
    </div>
  );
}
