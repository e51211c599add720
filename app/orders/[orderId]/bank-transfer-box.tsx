import { QrCodeSvg } from "@/app/_components/qr-code-svg";
import factsStyles from "@/app/_components/facts.module.css";
import { epcPaymentCode } from "@/lib/bank-transfers/epc-payment-code";
import { openAmountCents } from "@/lib/bank-transfers/open-amount-cents";
import { formatPaymentReference } from "@/lib/bank-transfers/payment-reference";
import { platformBankAccount } from "@/lib/bank-transfers/platform-bank-account";
import { formatEuros } from "@/lib/money/format-euros";
import { formatIban } from "@/lib/payouts/validate-iban";
import type { BuyerOrder } from "@/lib/orders/load-buyer-order";
import styles from "./bank-transfer-box.module.css";

/**
 * A prepayment order waiting for its money: what to transfer where, with which reference, the EPC QR
 * code for a banking app, what has arrived and what is still missing, and the pro-forma invoice.
 */
export function BankTransferBox({ order }: { order: BuyerOrder }) {
  if (
    order.paymentMethod !== "BANK_TRANSFER" ||
    order.status !== "AWAITING_PAYMENT" ||
    !order.paymentReference
  )
    return null;
  const account = platformBankAccount();
  const openCents = openAmountCents(order);
  const receivedCents = order.totalCents - openCents;
  const reference = formatPaymentReference(order.paymentReference);
  const { modules } = epcPaymentCode({ account, amountCents: openCents, reference: order.paymentReference });
  return (
    <section
      className={`card ${styles.bankTransfer}`}
      aria-labelledby="bank-transfer-heading"
      data-testid="bank-transfer"
    >
      <h2 id="bank-transfer-heading">Pay by bank transfer</h2>
      <p>
        We place the order with a manufacturing partner as soon as the money is on our account (usually 1–2
        working days after you transfer it).
        {receivedCents > 0 && (
          <>
            {" "}
            <strong>
              We have received {formatEuros(receivedCents)}; {formatEuros(openCents)} is still missing.
            </strong>
          </>
        )}
      </p>
      <div className={styles.details}>
        <dl className={`${factsStyles.facts} ${styles.payFacts}`}>
          <dt>{receivedCents > 0 ? "Still missing" : "Amount"}</dt>
          <dd className={styles.code} data-testid="amount-missing" data-cents={openCents}>
            <strong>{formatEuros(openCents)}</strong>
          </dd>
          <dt>Account holder</dt>
          <dd>{account.holder}</dd>
          <dt>IBAN</dt>
          <dd className={styles.code}>{formatIban(account.iban)}</dd>
          <dt>BIC</dt>
          <dd className={styles.code}>{account.bic}</dd>
          <dt>Bank</dt>
          <dd>{account.bankName}</dd>
          <dt>Reference</dt>
          <dd className={styles.code} data-testid="payment-reference">
            <strong>{reference}</strong>
          </dd>
        </dl>
        <figure className={styles.qr}>
          <QrCodeSvg
            modules={modules}
            label={`Payment QR code: ${formatEuros(openCents)} to ${formatIban(account.iban)}, reference ${reference}`}
          />
          <figcaption className="hint">Scan with your banking app (GiroCode / EPC QR)</figcaption>
        </figure>
      </div>
      <p className="hint">
        Quote the reference exactly as shown: we match your payment by it.{" "}
        <a href={`/api/v1/orders/${order.id}/documents/pro-forma.pdf`}>Pro-forma invoice (PDF)</a>
      </p>
    </section>
  );
}
