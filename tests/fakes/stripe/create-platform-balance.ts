import { formatMoney } from "./format-money";
import { StripeApiError } from "./stripe-api-error";
import type { Balance, Charge } from "./stripe-objects";

/** Card charges become available this long after they succeed (Stripe's 7-day start for new EU accounts). */
export const defaultChargeAvailableAfterSeconds = 7 * 24 * 60 * 60;

/** Stripe's test card whose charge goes straight to the available balance. */
export const availableBalanceTestCard = "4000000000000077";

interface Settlement {
  chargeId: string;
  currency: string;
  /** What of the charge is still pending (transfers funded from it take theirs out first). */
  pendingCents: number;
  availableOn: number;
  settled: boolean;
}

export interface PlatformBalanceOptions {
  now: () => number;
  chargeAvailableAfterSeconds?: number;
}

/**
 * The platform account's balance as Stripe keeps it: card charges land in `pending` and become
 * `available` once their funds settle; a transfer without `source_transaction` is paid from `available`
 * and refused with `balance_insufficient` when that is short (however much is pending); a transfer with
 * `source_transaction` is paid from that charge's funds, pending or not, up to the charge's amount.
 * See docs/decisions/0027-funded-transfers-and-reversals.md for the Stripe documentation behind it.
 */
export function createPlatformBalance({ now, chargeAvailableAfterSeconds }: PlatformBalanceOptions) {
  const delaySeconds = chargeAvailableAfterSeconds ?? defaultChargeAvailableAfterSeconds;
  const available = new Map<string, number>();
  const pending = new Map<string, number>();
  const settlements = new Map<string, Settlement>();
  /** What each charge has funded so far, by charge id. */
  const transferredFromCharge = new Map<string, number>();

  const add = (map: Map<string, number>, currency: string, cents: number) =>
    map.set(currency, (map.get(currency) ?? 0) + cents);

  /** A succeeded charge's funds: pending until they settle, or available at once for the 0077 test card. */
  function chargeSucceeded(charge: Charge, cardDigits: string) {
    const immediately = cardDigits === availableBalanceTestCard;
    settlements.set(charge.id, {
      chargeId: charge.id,
      currency: charge.currency,
      pendingCents: immediately ? 0 : charge.amount,
      availableOn: immediately ? now() : now() + delaySeconds,
      settled: immediately,
    });
    add(immediately ? available : pending, charge.currency, charge.amount);
  }

  /** Moves every charge whose availability date has come (all of them with `all`) to available. */
  function settleDue(all = false): number {
    let count = 0;
    for (const settlement of settlements.values()) {
      if (settlement.settled || (!all && settlement.availableOn > now())) continue;
      settlement.settled = true;
      add(pending, settlement.currency, -settlement.pendingCents);
      add(available, settlement.currency, settlement.pendingCents);
      settlement.pendingCents = 0;
      count += 1;
    }
    return count;
  }

  /** Money added straight to the available balance, as Stripe's top-ups do. */
  function topUp(amount: number, currency: string) {
    add(available, currency.toLowerCase(), amount);
  }

  /**
   * Takes a transfer's money from the balance, or throws what Stripe answers (kept for idempotent replay,
   * as Stripe keeps a refusal met while executing). Checks first, changes after: all or nothing.
   */
  function fundTransfer(amount: number, currency: string, source: Charge | null) {
    if (!source) {
      if ((available.get(currency) ?? 0) < amount)
        throw StripeApiError.refused(
          "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance",
          { code: "balance_insufficient" },
        );
      add(available, currency, -amount);
      return;
    }
    if (source.status !== "succeeded")
      throw StripeApiError.refused(
        `The source_transaction ${source.id} has not succeeded (status ${source.status}); only a succeeded charge can fund a transfer.`,
        { param: "source_transaction" },
      );
    if (source.currency !== currency)
      throw StripeApiError.invalidParam(
        "currency",
        `The currency of the transfer (${currency}) must match the currency of the source_transaction ${source.id} (${source.currency}).`,
      );
    const already = transferredFromCharge.get(source.id) ?? 0;
    if (already + amount > source.amount)
      throw StripeApiError.refused(
        `Insufficient funds in the source_transaction ${source.id}: it has ${formatMoney(source.amount - already, currency)} ${currency} left to transfer, less than the ${formatMoney(amount, currency)} ${currency} requested.`,
        { param: "amount" },
      );
    transferredFromCharge.set(source.id, already + amount);
    const settlement = settlements.get(source.id);
    const fromPending = Math.min(amount, settlement?.pendingCents ?? 0);
    if (settlement) settlement.pendingCents -= fromPending;
    add(pending, currency, -fromPending);
    add(available, currency, -(amount - fromPending));
  }

  /** A transfer reversal gives its amount back to the platform's available balance. */
  function reverseTransfer(amount: number, currency: string) {
    add(available, currency, amount);
  }

  function retrieve(): Balance {
    const currencies = [...new Set([...available.keys(), ...pending.keys()])].sort();
    const amounts = (map: Map<string, number>) =>
      (currencies.length > 0 ? currencies : ["eur"]).map((currency) => ({
        amount: map.get(currency) ?? 0,
        currency,
        source_types: { card: map.get(currency) ?? 0 },
      }));
    return { object: "balance", available: amounts(available), pending: amounts(pending), livemode: false };
  }

  return { chargeSucceeded, settleDue, topUp, fundTransfer, reverseTransfer, retrieve };
}

export type PlatformBalance = ReturnType<typeof createPlatformBalance>;
