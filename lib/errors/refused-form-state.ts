import { formStateFromError, type FormErrorState } from "./form-state-from-error";
import { typedFormValues } from "./typed-form-values";

/**
 * What a refused server-action form gets back: its errors (formStateFromError) and what was typed
 * (typedFormValues), which the form renders as its fields' defaults, since React resets a form after
 * its action.
 */
export function refusedFormState(
  error: unknown,
  what: string,
  formData: FormData,
): FormErrorState & { values: Record<string, string> } {
  return { ...formStateFromError(error, what), values: typedFormValues(formData) };
}
