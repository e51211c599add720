import { z } from "zod";

const refusal = "Enter your website's address, e.g. www.example.com, or leave the field empty.";

/** "mueller-cnc.example" → "https://mueller-cnc.example": people type the host, the link needs the scheme. */
function withScheme(typed: string): string {
  if (typed === "" || /^https?:\/\//i.test(typed)) return typed;
  return `https://${typed.replace(/^\/+/, "")}`;
}

/**
 * A company's website as people type it: tidied first (trimmed, "https://" added where no scheme was
 * typed), then checked (http or https, a host with a dot, no spaces). "" for none. Its output parses again
 * to itself, so stored data can be checked once more.
 */
export const websiteAddressField = z
  .string()
  .trim()
  .max(200, "Keep the website's address under 200 characters.")
  .transform(withScheme)
  .superRefine((value, context) => {
    if (value === "") return;
    if (!URL.canParse(value) || /\s/.test(value)) {
      context.addIssue({ code: "custom", message: refusal });
      return;
    }
    const url = new URL(value);
    if (!url.hostname.includes(".") || url.hostname.startsWith(".") || url.hostname.endsWith("."))
      context.addIssue({ code: "custom", message: refusal });
  });
