import { describe, expect, it } from "vitest";
import { checkoutLineItems, maxCheckoutLineItems } from "./checkout-line-items";

const lines = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    name: `part-${index + 1}.step`,
    totalCents: 1001 + index * 37,
  }));
const amounts = (items: ReturnType<typeof checkoutLineItems>) =>
  items.map((item) => (item.price_data?.unit_amount ?? 0) * (item.quantity ?? 0));
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe("checkoutLineItems", () => {
  it("gives each line and the VAT its own item while they fit", () => {
    const items = checkoutLineItems(lines(99), 1900, "eur");
    expect(items).toHaveLength(100);
    expect(items.at(-1)).toMatchObject({ price_data: { unit_amount: 1900, product_data: { name: "VAT" } } });
    expect(sum(amounts(items))).toBe(sum(lines(99).map((line) => line.totalCents)) + 1900);
  });

  it("groups the lines past Checkout's limit into one item, the total exact to the cent", () => {
    const order = lines(250);
    const items = checkoutLineItems(order, 123_457, "eur");
    expect(items).toHaveLength(maxCheckoutLineItems);
    expect(items[98]?.price_data?.product_data?.name).toBe(
      "152 more parts of this order (listed on the order confirmation)",
    );
    expect(items.every((item) => item.quantity === 1 && item.price_data?.currency === "eur")).toBe(true);
    expect(sum(amounts(items))).toBe(sum(order.map((line) => line.totalCents)) + 123_457);
  });

  it("uses the VAT's place for a line when there is no VAT (reverse charge, export)", () => {
    const items = checkoutLineItems(lines(100), 0, "eur");
    expect(items).toHaveLength(100);
    expect(items.map((item) => item.price_data?.product_data?.name)).not.toContain("VAT");
    const grouped = checkoutLineItems(lines(101), 0, "eur");
    expect(grouped).toHaveLength(100);
    expect(grouped[99]?.price_data?.product_data?.name).toMatch(/^2 more parts/);
    expect(sum(amounts(grouped))).toBe(sum(lines(101).map((line) => line.totalCents)));
  });
});
