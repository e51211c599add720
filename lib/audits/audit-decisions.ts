// Apart from lib/workflows/decide-audit.ts so that the audit form, a client component, can list the
// choices without bundling the decision's database code and the environment reader for the browser.
export const auditDecisions = {
  approve: "Approve",
  "approve-with-conditions": "Approve with conditions",
  reject: "Reject",
} as const;
