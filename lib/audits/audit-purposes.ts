// Apart from open-audit.ts so that the audit form, a client component, can list the purposes without
// bundling the audit's database code for the browser.
export const auditPurposes = ["Renewal", "Reinstatement", "Application", "Follow-up on conditions"] as const;
