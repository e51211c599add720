import Link from "next/link";
import type { Metadata } from "next";
import { formatDay, formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { formatEuros } from "@/lib/money/format-euros";
import { quoteDay } from "@/lib/quotes/quote-day";
import { loadSettingsOverview } from "@/lib/settings/load-settings-overview";
import { PrepaymentTermsForm } from "./prepayment-terms-form";
import { marginRuleLabel } from "@/lib/settings/set-margin";
import { manufacturingProcesses, processNames } from "@/quoting-engine/catalogue/catalogue";
import { germanNationalHolidays } from "@/quoting-engine/pricing/working-days";
import {
  AddClosureDayForm,
  InvoiceTermsForm,
  MachineRateForm,
  MarginForm,
  MaterialPriceForm,
  RemoveClosureDayForm,
  RemoveMarginForm,
} from "./settings-forms";
import { MatchingSettingsForm } from "./matching-settings-form";
import { VatCheckSettingsForm } from "./vat-check-settings-form";
import { PayoutRetrySettingsForm } from "./payout-retry-settings-form";
import { ComplaintWindowForm } from "./complaint-window-form";
import { OrderRulesForm } from "./order-rules-form";
import { SheetMetalSettingsForm } from "./sheet-metal-settings-form";
import { processLabel } from "@/lib/catalogue/catalogue-labels";
import { engineProcessOf } from "@/lib/db/catalogue-codes";
import styles from "./settings.module.css";
import opsStyles from "../ops.module.css";

export const metadata: Metadata = { title: "Settings" };

const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);

function VersionHistory({
  title,
  id,
  history,
}: {
  title: string;
  id: string;
  history: { version: number; createdAt: Date; changedBy: string | null; summary: string }[];
}) {
  return (
    <>
      <h3 id={id}>{title}</h3>
      <StackTable
        columns={["Version", "Saved", "By", "What changed and why"]}
        className={styles.settingsHistory}
      >
        {history.map((entry) => (
          <tr key={entry.version}>
            <td data-label="Version">{entry.version}</td>
            <td data-label="Saved">{formatMoment(entry.createdAt)}</td>
            <td data-label="By">{entry.changedBy ?? "Seed"}</td>
            <td data-label="What changed and why">{entry.summary}</td>
          </tr>
        ))}
      </StackTable>
    </>
  );
}

export default async function OpsSettingsPage() {
  await requirePermission("ops.console", "/ops/settings");
  const { pricing, matching } = await loadSettingsOverview(getPrisma());
  const today = quoteDay();
  const year = Number(today.slice(0, 4));
  const nationalHolidays = [...germanNationalHolidays(year), ...germanNationalHolidays(year + 1)].filter(
    (date) => date >= today,
  );
  const processOptions = manufacturingProcesses.map((process) => ({
    value: process,
    label: processNames[process],
  }));
  const margins = [...pricing.settings.margins].sort(
    (a, b) => (a.process ?? "").localeCompare(b.process ?? "") || a.minQuantity - b.minQuantity,
  );
  return (
    <>
      <h1>Settings</h1>
      <p className="muted">
        Pricing settings version <strong>{pricing.version}</strong>, matching settings version{" "}
        <strong>{matching.version}</strong>. Every change is saved as a new version with its reason; a quote
        keeps the pricing version it was priced with, a match decision the matching version it ranked with.
      </p>
      <nav aria-label="Sections" className={`${opsStyles.tags} ${styles.settingsSections}`}>
        <a className={opsStyles.tag} href="#materials-heading">
          Materials
        </a>
        <a className={opsStyles.tag} href="#rates-heading">
          Machine rates
        </a>
        <a className={opsStyles.tag} href="#margins-heading">
          Margins
        </a>
        <a className={opsStyles.tag} href="#matcher-heading">
          Matcher
        </a>
        <a className={opsStyles.tag} href="#holidays-heading">
          Holidays
        </a>
        <a className={opsStyles.tag} href="#terms-heading">
          Invoice terms
        </a>
        <a className={opsStyles.tag} href="#vat-checks-heading">
          VAT ID checks
        </a>
        <a className={opsStyles.tag} href="#payout-retries-heading">
          Payout retries
        </a>
        <a className={opsStyles.tag} href="#order-rules-heading">
          Small orders and limits
        </a>
        <a className={opsStyles.tag} href="#complaint-window-heading">
          Complaint window
        </a>
        <a className={opsStyles.tag} href="#history-heading">
          History
        </a>
        <Link className={opsStyles.tag} href="/ops/storage">
          Storage and upload limits
        </Link>
        <Link className={opsStyles.tag} href="/ops/legal">
          Terms and privacy notice
        </Link>
      </nav>

      <section aria-labelledby="materials-heading">
        <h2 id="materials-heading">Materials and prices</h2>
        <StackTable
          columns={["Material", "Family", { label: "Price per kg", className: "amount" }, "Offered", "Edit"]}
        >
          {pricing.materials.map((material) => (
            <tr key={material.code}>
              <td data-label="Material">
                {material.name}
                <br />
                <span className="muted">{material.code}</span>
              </td>
              <td data-label="Family">{material.family}</td>
              <td data-label="Price per kg" className="amount">
                {formatEuros(material.priceCentsPerKg)}
              </td>
              <td data-label="Offered">{material.active ? "yes" : "no"}</td>
              <td data-label="Edit" className={`${opsStyles.formCell} ${styles.labelHidden}`}>
                <details className={styles.settingsEdit}>
                  <summary>
                    Edit<span className="visually-hidden"> {material.name}</span>
                  </summary>
                  <MaterialPriceForm material={material} />
                </details>
              </td>
            </tr>
          ))}
        </StackTable>
      </section>

      <section aria-labelledby="rates-heading">
        <h2 id="rates-heading">Machine rates</h2>
        <StackTable
          columns={[
            "Process",
            { label: "Per machine hour", className: "amount" },
            { label: "Setup", className: "amount" },
            "Edit",
          ]}
        >
          {pricing.rates.map((rate) => (
            <tr key={rate.process}>
              <td data-label="Process">{processLabel(rate.process)}</td>
              <td data-label="Per machine hour" className="amount">
                {formatEuros(rate.hourlyRateCents)}
              </td>
              <td data-label="Setup" className="amount">
                {rate.setupMinutes} min
              </td>
              <td data-label="Edit" className={`${opsStyles.formCell} ${styles.labelHidden}`}>
                <details className={styles.settingsEdit}>
                  <summary>
                    Edit<span className="visually-hidden"> {processLabel(rate.process)}</span>
                  </summary>
                  <MachineRateForm
                    process={engineProcessOf(rate.process)}
                    label={processLabel(rate.process)}
                    hourlyRateCents={rate.hourlyRateCents}
                    setupMinutes={rate.setupMinutes}
                  />
                </details>
              </td>
            </tr>
          ))}
        </StackTable>
      </section>

      <section aria-labelledby="margins-heading">
        <h2 id="margins-heading">Margins</h2>
        <p className="muted">
          A process&apos;s own rule comes before the rule for all processes; of those, the one with the
          largest quantity the order reaches applies.
        </p>
        <StackTable columns={["Applies to", "From", { label: "Margin", className: "amount" }, "Edit"]}>
          {margins.map((rule) => {
            const label = marginRuleLabel(rule);
            const editable = { ...rule, label };
            return (
              <tr key={label}>
                <td data-label="Applies to">{rule.process ? processNames[rule.process] : "All processes"}</td>
                <td data-label="From">
                  {rule.minQuantity} {rule.minQuantity === 1 ? "piece" : "pieces"}
                </td>
                <td data-label="Margin" className="amount">
                  {rule.marginPercent} %
                </td>
                <td data-label="Edit" className={`${opsStyles.formCell} ${styles.labelHidden}`}>
                  <details className={styles.settingsEdit}>
                    <summary>
                      Edit<span className="visually-hidden"> the margin {label}</span>
                    </summary>
                    <MarginForm rule={editable} processes={processOptions} />
                    {(rule.process || rule.minQuantity !== 1) && <RemoveMarginForm rule={editable} />}
                  </details>
                </td>
              </tr>
            );
          })}
        </StackTable>
        <details className={styles.settingsAdd}>
          <summary>Add a margin rule</summary>
          <MarginForm processes={processOptions} />
        </details>
      </section>

      <section aria-labelledby="matcher-heading">
        <h2 id="matcher-heading">Matcher</h2>
        <p className="muted">
          Weights of the partner score, how long partners have to answer an offer, and when a partner&apos;s
          record flags it for review.
        </p>
        <MatchingSettingsForm settings={matching.settings} />
      </section>

      <section aria-labelledby="holidays-heading">
        <h2 id="holidays-heading">Holiday calendar</h2>
        <p className="muted">
          Days the platform is closed besides Germany&apos;s national holidays: delivery dates, offer
          deadlines and production windows skip them. Upcoming national holidays:{" "}
          {nationalHolidays
            .slice(0, 6)
            .map((date) => formatDay(dayOf(date)))
            .join(", ")}
          .
        </p>
        {pricing.settings.holidays.length === 0 ? (
          <p className="muted">No closure days are set.</p>
        ) : (
          <StackTable columns={["Date", "Name", "Remove"]}>
            {pricing.settings.holidays.map((day) => (
              <tr key={day.date}>
                <td data-label="Date">{formatDay(dayOf(day.date))}</td>
                <td data-label="Name">{day.name}</td>
                <td data-label="Remove" className={opsStyles.formCell}>
                  <details className={styles.settingsEdit}>
                    <summary>
                      Remove<span className="visually-hidden"> {day.name}</span>
                    </summary>
                    <RemoveClosureDayForm date={day.date} />
                  </details>
                </td>
              </tr>
            ))}
          </StackTable>
        )}
        <h3>Close a day</h3>
        <AddClosureDayForm today={today} />
      </section>

      <section aria-labelledby="terms-heading">
        <h2 id="terms-heading">Invoice terms</h2>
        <InvoiceTermsForm paymentTermsDays={pricing.settings.invoiceTerms.paymentTermsDays} />
      </section>

      <PrepaymentTermsForm terms={pricing.settings.prepaymentTerms} />
      <section aria-labelledby="vat-checks-heading">
        <h2 id="vat-checks-heading">VAT ID checks</h2>
        <p className="muted">
          Reverse charge needs a VAT ID VIES confirmed; IDs it could not confirm are charged German VAT and
          asked again every hour (docs/decisions/0023).
        </p>
        <VatCheckSettingsForm recheckAfterDays={pricing.settings.vatChecks.recheckAfterDays} />
      </section>
      <PayoutRetrySettingsForm settings={pricing.settings.payoutRetries} />
      <section aria-labelledby="order-rules-heading">
        <h2 id="order-rules-heading">Small orders and instant-quote limits</h2>
        <OrderRulesForm rules={pricing.settings.orderRules} />
      </section>
      <section aria-labelledby="sheet-metal-heading">
        <h2 id="sheet-metal-heading">Sheet metal and laser cutting</h2>
        <SheetMetalSettingsForm settings={pricing.settings.sheetMetal} />
      </section>
      <section aria-labelledby="complaint-window-heading">
        <h2 id="complaint-window-heading">Complaint window and partner payouts</h2>
        <p className="muted">
          The buyer inspects the parts and may complain for this many days after delivery (a defect report
          under § 377 HGB, docs/decisions/0031). The partner&apos;s self-billing invoice and payout wait until
          the window closes, or until the buyer confirms &ldquo;no complaint&rdquo;; a complaint inside the
          window holds the payout until you decide it.
        </p>
        <ComplaintWindowForm
          days={pricing.settings.complaintWindow.days}
          supplierAnswerWorkingDays={pricing.settings.complaintWindow.supplierAnswerWorkingDays}
        />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Version history</h2>
        <VersionHistory title="Pricing settings" id="pricing-history-heading" history={pricing.history} />
        <VersionHistory title="Matching settings" id="matching-history-heading" history={matching.history} />
      </section>
    </>
  );
}
