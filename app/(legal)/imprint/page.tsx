import type { Metadata } from "next";
import Link from "next/link";
import { demoRegisterNumber, getEnv } from "@/lib/env";
import styles from "../legal.module.css";

export const metadata: Metadata = { title: "Imprint (Impressum)" };

/** The provider identification German law asks of every business website (§ 5 DDG), from PLATFORM_* settings. */
export default function ImprintPage() {
  const env = getEnv();
  const addressLines = env.PLATFORM_ADDRESS.split("|").map((line) => line.trim());
  return (
    <article className={`${styles.legalPage} ${styles.imprint}`}>
      <h1>Imprint (Impressum)</h1>
      {env.PLATFORM_REGISTER_NUMBER === demoRegisterNumber && (
        <p className="alert warn">
          Demo details: this installation has not set its own company details yet (the PLATFORM_… settings).
        </p>
      )}
      <p className="muted">Information according to § 5 DDG (Digitale-Dienste-Gesetz).</p>
      <dl>
        <dt>Provider</dt>
        <dd>
          {env.PLATFORM_LEGAL_NAME}
          {addressLines.map((line) => (
            <span key={line} className={styles.line}>
              {line}
            </span>
          ))}
        </dd>
        <dt>Managing directors (Geschäftsführer)</dt>
        <dd>{env.PLATFORM_MANAGING_DIRECTORS}</dd>
        <dt>Commercial register</dt>
        <dd>
          {env.PLATFORM_REGISTER_NUMBER}, {env.PLATFORM_REGISTER_COURT}
        </dd>
        <dt>VAT ID (USt-IdNr., § 27a UStG)</dt>
        <dd>{env.PLATFORM_VAT_NUMBER}</dd>
        <dt>E-mail</dt>
        <dd>
          <a href={`mailto:${env.PLATFORM_CONTACT_EMAIL}`}>{env.PLATFORM_CONTACT_EMAIL}</a>
        </dd>
        <dt>Phone</dt>
        <dd>
          <a href={`tel:${env.PLATFORM_CONTACT_PHONE.replace(/[^+0-9]/g, "")}`}>
            {env.PLATFORM_CONTACT_PHONE}
          </a>
        </dd>
        <dt>Responsible for the content (§ 18 (2) MStV)</dt>
        <dd>{env.PLATFORM_MANAGING_DIRECTORS.split(",")[0]!.trim()}, address as above</dd>
      </dl>
      <h2>Dispute resolution</h2>
      <p>
        We sell to businesses only. We are neither obliged nor willing to take part in dispute resolution
        proceedings before a consumer arbitration board (§ 36 VSBG).
      </p>
      <p className="muted">
        See also our <Link href="/terms">terms of business</Link> and our{" "}
        <Link href="/privacy">privacy notice</Link>.
      </p>
    </article>
  );
}
