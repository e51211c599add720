"use client";

import { useState, type ChangeEvent } from "react";
import { chosenFilesRefusal, maxFilesOf } from "@/lib/forms/chosen-files-refusal";
import { uploadFileRules } from "@/lib/forms/upload-file-rules";
import { FormField } from "./form-field";

/**
 * A file input checked as files are chosen, against the rule its server action checks again
 * (lib/forms/upload-file-rules.ts): too many files, one over the limit, or a type the server refuses by
 * name is said here with the server's words, and the input's custom validity stops the post (also in
 * forms that skip the browser's validation: useFormAction's submit handler looks at file inputs). Without
 * it a file past the action's body limit ended on the error page and the typed form was lost.
 */
export function CheckedFileField({
  rule,
  serverError,
  ...fieldProps
}: {
  name: string;
  label: string;
  /** As FormField's: the id is `${idPrefix}-${name}`, for a page with several such fields. */
  idPrefix?: string;
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
  return (
    <FormField
      {...fieldProps}
      type="file"
      multiple={maxFilesOf(uploadFileRules[rule]) > 1}
      onChange={onChange}
      error={refusal ?? serverError}
    />
  );
}
