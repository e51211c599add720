import { formatDay } from "@/app/_components/format-dates";
import type { Metadata } from "next";
import Link from "next/link";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { loadCart } from "@/lib/carts/load-cart";
import { getPrisma } from "@/lib/db/prisma";
import { formatEuros } from "@/lib/money/format-euros";
import { removeCartItemAction } from "./actions";
import { AmountCell } from "@/app/_components/amount-cell";
import { finishLabel, processLabel, toleranceLabel } from "@/lib/catalogue/catalogue-labels";
import priceStyles from "@/app/_components/price.module.css";
import styles from "./cart.module.css";
import { CartSubtotalLines, SmallOrderNote } from "./small-order-note";

export const metadata: Metadata = { title: "Cart" };

export default async function CartPage() {
  const user = await requirePermission("shop.view", "/cart");
  const cart = await loadCart(getPrisma(), user.id);
  const anyExpired = cart.items.some((item) => item.expired || item.dateMissed);
  return (
    <>
      <h1>Cart</h1>
      {cart.items.length === 0 ? (
        <div className="card">
          <p>Your cart is empty.</p>
          <Link href="/" className="button">
            Upload a part
          </Link>
        </div>
      ) : (
        <>
          <div className="table-wrap">
            <table className="stack">
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">Made as</th>
                  <th scope="col">Quantity</th>
                  <th scope="col">Delivery</th>
                  <th scope="col">Per part</th>
                  <th scope="col">Total</th>
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {cart.items.map((item) => (
                  <tr key={item.id} data-testid="cart-item">
                    <td data-label="Part">
                      <Link href={`/parts/${item.quote.part.id}`}>{item.quote.part.originalFileName}</Link>
                      <SmallOrderNote
                        surchargeCents={item.quote.smallOrderSurchargeCents}
                        process={item.quote.process}
                      />
                      <div className="hint">
                        <Link href={`/quotes/${item.quote.id}`}>Quote as PDF or link</Link>
                      </div>
                      {item.expired ? (
                        <div className="field-error">Price expired: open the part and add it again.</div>
                      ) : (
                        item.dateMissed && (
                          <div className="field-error">
                            Delivery date too close to order now: open the part, choose a later date and add
                            it again.
                          </div>
                        )
                      )}
                    </td>
                    <td data-label="Made as">
                      {processLabel(item.quote.process)} · {item.quote.material.name}
                      <div className="hint">
                        {finishLabel(item.quote.finish)} · {toleranceLabel(item.quote.toleranceClass)}
                      </div>
                    </td>
                    <td data-label="Quantity">{item.quote.quantity}</td>
                    <td data-label="Delivery" className="day">
                      {formatDay(item.quote.deliveryDate)}
                    </td>
                    <AmountCell label="Per part" cents={item.quote.unitPriceCents} />
                    <AmountCell label="Total" cents={item.quote.totalPriceCents} />
                    <td data-label="">
                      <form action={removeCartItemAction}>
                        <input type="hidden" name="cartItemId" value={item.id} />
                        <button
                          type="submit"
                          className="secondary"
                          aria-label={`Remove ${item.quote.part.originalFileName}`}
                        >
                          Remove
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={styles.cartFoot}>
            <div>
              <CartSubtotalLines
                subtotalCents={cart.subtotalCents}
                surchargeCents={cart.smallOrderSurchargeCents}
              />
              <div className="muted">Subtotal, excluding VAT</div>
              <div className={priceStyles.priceTotal} data-testid="cart-subtotal">
                {formatEuros(cart.subtotalCents)}
              </div>
            </div>
            <div className="actions">
              <Link href="/" className="button secondary">
                Add another part
              </Link>
              {may(user.role, "order.place") ? (
                anyExpired ? (
                  <span className="alert warn">
                    Refresh the marked parts (price or delivery date) before checking out.
                  </span>
                ) : (
                  <Link href="/checkout" className="button">
                    Check out
                  </Link>
                )
              ) : (
                <span className="alert warn">
                  As an engineer you prepare carts; a purchaser or admin of {user.company.name} places the
                  order.
                </span>
              )}
            </div>
          </div>
        </>
      )}
    </>
  );
}
