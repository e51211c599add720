// Apart from probation-input.ts so that the decision form, a client component, can show them.
/**
 * What the decision form proposes for a probation; the auditor sets each case's own limits. Small on
 * purpose: a partner with an open condition gets jobs it can surely carry (a few, of modest value) until
 * it shows the condition met. Kept beside the form's parser, not in the settings, as they are a starting
 * point typed over per decision, not a rule the matcher applies (docs/decisions/0040).
 */
export const probationDefaults = {
  maxOrderValueEuros: 1000,
  maxOpenJobs: 2,
  conditionsDueInDays: 30,
} as const;
