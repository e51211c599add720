import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { payoutHeldReasons } from "../payouts/payout-method-for";
import { auditSentences, describeAuditEntry } from "./describe-audit-entry";

const root = path.resolve(import.meta.dirname, "../..");

/** Every source file under lib/ and app/ (not tests, not the generated client). */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The actions the code records: `action: "x.y"` literals next to an entityType, and the one template
 * (`order.${decision}` with decision "approve" or "decline").
 */
function recordedActions(): Set<string> {
  const actions = new Set<string>();
  for (const file of [...sourceFiles(path.join(root, "lib")), ...sourceFiles(path.join(root, "app"))]) {
    const text = fs.readFileSync(file, "utf8");
    if (!/recordAuditLog\(|auditLogEntry\.create\(/.test(text)) continue;
    for (const match of text.matchAll(
      /action:\s*(?:decision === "[^"]+" \? )?"([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)"(?:\s*:\s*"([a-z][a-z0-9_.-]+)")?/g,
    )) {
      actions.add(match[1]!);
      if (match[2]) actions.add(match[2]);
    }
    for (const match of text.matchAll(/action:\s*`([a-z-]+)\.\$\{(\w+)\}`/g)) {
      const values = [...text.matchAll(new RegExp(`${match[2]}: "([a-z-]+)" \\| "([a-z-]+)"`, "g"))].flatMap(
        (union) => [union[1]!, union[2]!],
      );
      expect(values.length, `the values of ${match[0]} in ${file}`).toBeGreaterThan(0);
      for (const value of values) actions.add(`${match[1]}.${value}`);
    }
  }
  return actions;
}

describe("an audit-log entry in words", () => {
  it("has a sentence for every action recorded anywhere in the code", () => {
    const actions = recordedActions();
    expect(actions.size).toBeGreaterThan(60);
    const missing = [...actions].filter((action) => !(action in auditSentences));
    expect(missing, "add a sentence for each to lib/audit-log/describe-audit-entry.ts").toEqual([]);
  });

  it("says a capacity change with the hours before and after, per process", () => {
    const entry = {
      action: "supplier.processes",
      data: {
        to: [
          { process: "CNC_MILLING", machineHoursPerWeek: 100 },
          { process: "SLS", machineHoursPerWeek: 40 },
        ],
        from: [
          { process: "CNC_MILLING", machineHoursPerWeek: 120 },
          { process: "CNC_TURNING", machineHoursPerWeek: 80 },
        ],
        droppedMaterials: 2,
      },
    };
    expect(describeAuditEntry(entry)).toBe(
      "Weekly capacity for CNC milling changed from 120 h to 100 h; Started offering SLS with 40 h a week; " +
        "Stopped offering CNC turning (had 80 h a week); 2 materials of those processes removed.",
    );
  });

  it("says why a payout was held in operations' words, not the partner's stored instruction", () => {
    const sentence = describeAuditEntry({
      action: "payout.created",
      data: { amountCents: 12_000, heldReason: payoutHeldReasons.missingTaxData },
    });
    expect(sentence).toMatch(/^Created a payout of €120\.00, held: The partner's tax details are missing/);
    expect(sentence).not.toMatch(/\byour\b|Profile →/i);
  });

  it("keeps what was typed in its own case and shows no codes", () => {
    const sentences = [
      describeAuditEntry({
        action: "supplier.suspend",
        data: { reason: "ISO 9001 EXPIRED, no reply", withdrawnOffers: ["a", "b"], acceptedJobs: 1 },
      }),
      describeAuditEntry({
        action: "audit.decide",
        data: {
          decision: "APPROVED_WITH_CONDITIONS",
          expiresOn: "2027-12-01",
          conditions: "Send a NEW sample part",
          note: null,
          companyStatus: "PENDING_AUDIT → ACTIVE",
        },
      }),
      describeAuditEntry({ action: "order-line.status", data: { from: "AWAITING_MATCH", to: "UNMATCHED" } }),
      describeAuditEntry({ action: "offer.reject", data: { reason: "NO_CAPACITY", note: "" } }),
      describeAuditEntry({
        action: "supplier.location",
        data: {
          from: { city: "STUTTGART", minOrderValueCents: 5000 },
          to: { city: "Esslingen am Neckar", minOrderValueCents: 15000 },
        },
      }),
      describeAuditEntry({
        action: "supplier.certificate.add",
        data: { kind: "ISO_9001", number: "DE-QM 4711/a", validUntil: "2028-01-31" },
      }),
      describeAuditEntry({
        action: "team.invited",
        data: { email: "Ben.Engineer@Acme.example", role: "BUYER_ENGINEER" },
      }),
    ];
    expect(sentences).toEqual([
      "Suspended the partner; 2 open offers withdrawn, 1 accepted job kept, giving the reason “ISO 9001 EXPIRED, no reply”.",
      "Decided the audit: approved with conditions; valid until 1 Dec 2027; conditions “Send a NEW sample part”.",
      "Line moved from finding a partner to no partner found.",
      "Rejected the offer: No capacity before the delivery date.",
      "City changed from STUTTGART to Esslingen am Neckar; Minimum order value changed from €50.00 to €150.00.",
      "Added certificate ISO 9001 (quality management) no. DE-QM 4711/a, valid until 31 Jan 2028.",
      "Invited Ben.Engineer@Acme.example as Engineer.",
    ]);
    for (const sentence of sentences) expect(sentence).not.toMatch(/\b[A-Z]+_[A-Z_]+\b|[{}]/);
  });

  it("says a partner's new bank account by its IBAN's last four digits, the only part the log keeps", () => {
    // Found on walk 7: the sentence named the BIC and holder changes but never the IBAN's.
    expect(
      describeAuditEntry({
        action: "payouts.bank-details",
        data: {
          from: { accountHolder: "Jan Kowalski", ibanLast4: "3000", bic: "COBADEFFXXX" },
          to: { accountHolder: "Jan Kowalski", ibanLast4: "2874", bic: "WBKPPLPP" },
        },
      }),
    ).toBe(
      "IBAN changed from one ending in 3000 to one ending in 2874; BIC changed from COBADEFFXXX to WBKPPLPP.",
    );
  });

  it("says an action without a sentence exists without showing its code", () => {
    expect(describeAuditEntry({ action: "widget.frobbed", data: { x: 1 } })).toBe(
      "Recorded a change that has no description yet.",
    );
  });
});
