/**
 * Stripe's requirement keys ("company.address.city", "person_1Abc.dob.day", "external_account") as the
 * few things a partner recognises, each named once, in a stable order. Stripe adds keys over time: an
 * unknown one is shown as it is rather than hidden, so the partner still sees that something is due.
 */
export function describeStripeRequirements(requirementKeys: readonly string[]): string[] {
  const described = new Set<string>();
  for (const key of requirementKeys) described.add(describeOne(key));
  return [...described];
}

const exact: Record<string, string> = {
  external_account: "A bank account for your payouts",
  business_type: "The legal form of your business",
  "business_profile.url": "Your company's website (or a description of what you make)",
  "business_profile.product_description": "A description of what you make",
  "business_profile.mcc": "Your industry",
  "business_profile.support_phone": "A support phone number",
  "company.name": "Your company's registered name",
  "company.phone": "Your company's phone number",
  "company.tax_id": "Your company's tax number",
  "company.vat_id": "Your company's VAT ID",
  "company.registration_number": "Your company's register number",
};

const byPrefix: [prefix: string, description: string][] = [
  ["tos_acceptance.", "Acceptance of Stripe's terms of service"],
  ["company.address.", "Your company's registered address"],
  ["company.verification.", "A document proving your company's registration"],
  ["company.", "Details of your company"],
  ["representative.verification.", "An identity document of your company's representative"],
  ["representative.", "Details of the person who represents your company"],
  ["individual.verification.", "Your identity document"],
  ["individual.", "Your personal details"],
  ["documents.", "Documents about your company"],
  ["directors.", "Your company's directors"],
  ["owners.", "Your company's owners"],
  ["executives.", "Your company's executives"],
  ["person_", "Details of a person in your company (director, owner or representative)"],
];

function describeOne(key: string): string {
  const known = exact[key];
  if (known) return known;
  if (/^company\.(directors|owners|executives)_provided$/.test(key))
    return "Your company's directors, owners and executives";
  return byPrefix.find(([prefix]) => key.startsWith(prefix))?.[1] ?? key;
}
