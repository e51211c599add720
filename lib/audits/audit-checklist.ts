import { z } from "zod";

/** What an audit checks before a supplier receives jobs, in the order an auditor works through it. */
export const auditChecklistItems = {
  capabilities: "Capabilities verified on site or by video",
  machines: "Machines as declared",
  qualityManagement: "Quality management and certificates valid",
  itSecurity: "IT security for customer CAD files",
  samplePart: "Sample part measured and accepted",
} as const;

export type AuditChecklistItem = keyof typeof auditChecklistItems;

export const auditChecklistItemKeys = Object.keys(auditChecklistItems) as AuditChecklistItem[];

export const auditCheckResults = { open: "Not checked yet", passed: "Passed", failed: "Failed" } as const;
export const auditCheckMethods = {
  "on-site": "On site",
  video: "By video call",
  documents: "From documents",
} as const;

const itemSchema = z.object({
  result: z.enum(Object.keys(auditCheckResults) as [keyof typeof auditCheckResults]).catch("open"),
  method: z
    .enum(Object.keys(auditCheckMethods) as [keyof typeof auditCheckMethods])
    .nullable()
    .catch(null),
  note: z.string().catch(""),
});

export type AuditCheck = z.infer<typeof itemSchema>;
export type AuditChecklist = Record<AuditChecklistItem, AuditCheck>;

const openCheck: AuditCheck = { result: "open", method: null, note: "" };

/**
 * An audit's stored checklist (SupplierAudit.checklist) as a complete list: items never touched are
 * open. Older rows stored `true` for a passed item; they read as passed, verified on site.
 */
export function checklistOf(stored: unknown): AuditChecklist {
  const record = stored && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(
    auditChecklistItemKeys.map((key) => {
      const value = record[key];
      if (value === true) return [key, { result: "passed", method: "on-site", note: "" }];
      const parsed = itemSchema.safeParse(value);
      return [key, parsed.success ? parsed.data : openCheck];
    }),
  ) as AuditChecklist;
}

/** The items not passed yet, by their labels: what stands between the audit and a plain approval. */
export function itemsNotPassed(checklist: AuditChecklist): string[] {
  return auditChecklistItemKeys
    .filter((key) => checklist[key].result !== "passed")
    .map((key) => auditChecklistItems[key]);
}
