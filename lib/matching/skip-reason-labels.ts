/**
 * Every rule the matcher may skip a partner for, in words for operations: one table, so a reason code
 * never reaches a page. Branches that add skip rules (probation, holidays, …) add their label here; a
 * code without a label reads "Another reason" rather than the code itself.
 */
export const skipReasonLabels: Record<string, string> = {
  remake: "Made the parts being remade",
  "offered-before": "Had this line's offer before",
  "not-active": "Not active",
  audit: "No valid audit",
  material: "Does not offer the material",
  envelope: "Part fits none of its machines",
  certificate: "Lacks a required certificate",
  country: "Produces in another country than the order asks",
  "order-value": "Job outside its order value limits",
  margin: "Its price leaves no margin",
  capacity: "No free capacity in time",
  "not-offering-process": "Does not offer the process",
  "sheet-machines": "Its lasers or press brakes cannot make the sheet part",
  probation: "On probation: above its job value or open-jobs limit, or its conditions are overdue",
};

/** The label of a skip rule; older decisions without a rule, and unknown rules, read "Another reason". */
export function skipReasonLabel(rule: string | undefined | null): string {
  return (rule && skipReasonLabels[rule]) || "Another reason";
}
