import type { LegalDocumentKind } from "../db/generated/enums";

/**
 * Version 1 of the terms of business and the privacy notice, for demo installations only: written for a
 * German B2B marketplace, but not checked by a lawyer. Operations replace them with their own texts at
 * /ops/legal before real business. Paragraphs are separated by blank lines; "## " starts a heading.
 */
export const demoLegalTexts: Record<LegalDocumentKind, { title: string; body: string }> = {
  TERMS: {
    title: "General terms of business (demo)",
    body: `DEMO TEXT. This is an example for a demo installation, not legal advice and not checked by a lawyer. Replace it with your own terms before doing real business.

## 1. Scope
These terms apply to all contracts between the operator named in the imprint ("we") and business customers ("buyer") for the manufacture and delivery of parts ordered through this platform. We sell only to entrepreneurs within the meaning of § 14 BGB, legal persons under public law and special funds under public law; not to consumers. Differing terms of the buyer do not apply, even if we do not object to them.

## 2. Quotes and contract
A quote shown on the platform is free and not binding. By placing an order the buyer makes a binding offer; the contract is concluded when we confirm the order by e-mail. We are the seller of record: we choose the audited manufacturing partner that produces the parts, and the buyer's contract is with us alone.

## 3. Prices and payment
Prices are in euros, net, plus statutory VAT where it applies. Payment is by prepayment (bank transfer), by card, or, for customers approved for it, by invoice within the agreed payment term. Production starts once a prepayment has arrived. If the buyer is late in paying, statutory default interest for business transactions applies (§ 288 (2) BGB).

## 4. Delivery
The delivery date is the one shown at ordering and confirmed with the order. Partial deliveries are permitted where reasonable for the buyer. The risk passes to the buyer when the goods are handed to the carrier. We are not liable for delays caused by force majeure.

## 5. The buyer's data and designs
The buyer warrants that it may use the CAD files and drawings it uploads and that they do not infringe the rights of third parties. We make them available only to the manufacturing partner producing the order, and every access is logged. Manufacturing partners are bound to confidentiality.

## 6. Inspection and warranty
The buyer inspects the goods without undue delay after delivery and reports visible defects within 7 days (§ 377 HGB). For defects we first remake or repair the part, at our choice. Parts are manufactured to the buyer's data and the tolerance class chosen; deviations within that class are not defects. Claims for defects expire 12 months after delivery, except for intent and gross negligence.

## 7. Liability
We are liable without limitation for intent, gross negligence and injury to life, body or health, and under the Product Liability Act. For slight negligence we are liable only for breach of essential contractual obligations, limited to the foreseeable damage typical for the contract.

## 8. Final provisions
German law applies, excluding the UN Convention on Contracts for the International Sale of Goods. The place of jurisdiction is the registered office of the operator named in the imprint. Should a provision be invalid, the remaining provisions stay in force.`,
  },
  PRIVACY: {
    title: "Privacy notice (demo)",
    body: `DEMO TEXT. This is an example for a demo installation, not legal advice and not checked by a lawyer. Replace it with your own privacy notice before doing real business.

## 1. Controller
The controller within the meaning of the General Data Protection Regulation (GDPR) is the operator named in the imprint. You reach us at the contact e-mail address given there.

## 2. What we process and why
Account data (name, business e-mail address, company, role, password as a salted hash) to provide your account (Art. 6 (1) (b) GDPR). Order data (addresses, VAT ID, parts, prices, payments) to perform and invoice contracts and to meet retention duties under commercial and tax law (Art. 6 (1) (b) and (c) GDPR). CAD files and drawings you upload, to price and produce your parts. Sign-in attempts with the IP address, kept 30 days, to protect accounts against attacks (Art. 6 (1) (f) GDPR).

## 3. Who receives data
The manufacturing partner that produces an order receives the CAD files, drawings and the delivery address of that order only. Card payments are handled by Stripe Payments Europe Ltd. E-mails are delivered through our e-mail provider. We do not sell data and use no advertising trackers.

## 4. How long we keep it
Account data as long as the account exists. Invoices and order records for the periods required by § 147 AO and § 257 HGB (up to 10 years). Parts uploaded without an account are deleted after 30 days.

## 5. Cookies
We use only cookies needed to run the platform: your session, a device cookie that spares your own browser the sign-in delays, and a cookie that keeps the parts you uploaded before signing up.

## 6. Your rights
You have the right of access, rectification, erasure, restriction of processing, data portability and objection (Art. 15 to 21 GDPR), and the right to lodge a complaint with a data protection supervisory authority.`,
  },
};
