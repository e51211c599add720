import type { OrderStatus, PaymentMethod } from "@/lib/db/generated/enums";
import { berlinDate } from "../dates/berlin-date";
import { csvText, eurosCell } from "./csv-text";
import { countryName } from "@/lib/documents/country-name";
import { lineStatusLabel } from "@/lib/orders/line-status-labels";
import { orderStatusLabels } from "@/lib/orders/order-status-labels";
import { paymentMethodLabels } from "@/lib/orders/payment-method-labels";
import {
  type LineCsvFields,
  madeCells,
  madeColumns,
  shippingCells,
  shippingColumns,
} from "./line-csv-fields";

/** One order line with its order, as the CSV reads it. */
export interface OrderLineForCsv extends LineCsvFields {
  order: {
    number: string;
    createdAt: Date;
    status: OrderStatus;
    paymentMethod: PaymentMethod;
    purchaseOrderNumber: string | null;
    costCentre: string | null;
    /** The shipping address's ISO country code. */
    shipToCountryCode: string | null;
    placedByName: string;
    buyerCompanyName: string;
    subtotalCents: number;
    vatCents: number;
    totalCents: number;
    currency: string;
  };
  unitPriceCents: number;
  /** Includes the small-order surcharge (smallOrderSurchargeCents), so it can exceed quantity × unit price. */
  totalPriceCents: number;
  smallOrderSurchargeCents: number;
  /** Operations only: the partner making the line; buyers' exports leave the column out. */
  supplierName?: string | null;
}

/** The operations export's column naming the manufacturer, in the words users read. */
const supplierColumn = "partner";

const commonColumns = [
  "order_number",
  "placed_on",
  "placed_by",
  "order_status",
  "order_status_name",
  "payment_method",
  "payment_method_name",
  "purchase_order_number",
  "cost_centre",
  "part_file",
  ...madeColumns,
  "quantity",
  "unit_price",
  "line_total",
  "small_order_surcharge",
  "line_status",
  "line_status_name",
  "ship_to_country",
  "ship_to_country_name",
  ...shippingColumns,
  "order_net",
  "order_vat",
  "order_total",
  "currency",
] as const;

/**
 * Orders as CSV for a buyer's ERP or a spreadsheet (decision 0062): one row per order line with its
 * order's fields repeated, so a filter on any column keeps whole lines. RFC 4180 (comma, double quotes,
 * CR LF) by csv-stringify, UTF-8 with a byte-order mark so Excel reads umlauts, amounts as plain decimals
 * with a dot ("1190.00") and days as ISO dates in Berlin time, which ERPs import without a locale. A line's
 * total is quantity × unit price plus its small-order surcharge, which has its own column (walk6: a €42.12
 * part's line read €62.50 with nothing to say why).
 * Codes stay in their own columns for machines, each with its name beside it for people ("cnc_milling",
 * "CNC milling"; "DE", "Germany"; decision 0110). Operations' export adds the buyer and the partner.
 */
export function buildOrdersCsv(lines: readonly OrderLineForCsv[], audience: "buyer" | "operations"): string {
  const columns =
    audience === "operations" ? ["buyer", ...commonColumns, supplierColumn] : [...commonColumns];
  const rows = lines.map((line) => {
    const row: Record<string, string | number> = {
      order_number: line.order.number,
      placed_on: berlinDate(line.order.createdAt),
      placed_by: line.order.placedByName,
      order_status: line.order.status.toLowerCase(),
      order_status_name: orderStatusLabels[line.order.status],
      payment_method: line.order.paymentMethod.toLowerCase(),
      payment_method_name: paymentMethodLabels[line.order.paymentMethod],
      purchase_order_number: line.order.purchaseOrderNumber ?? "",
      cost_centre: line.order.costCentre ?? "",
      part_file: line.partFileName,
      ...madeCells(line),
      quantity: line.quantity,
      unit_price: eurosCell(line.unitPriceCents),
      line_total: eurosCell(line.totalPriceCents),
      small_order_surcharge: eurosCell(line.smallOrderSurchargeCents),
      line_status: line.status.toLowerCase(),
      line_status_name: lineStatusLabel(line.status, line.order.status),
      ship_to_country: line.order.shipToCountryCode ?? "",
      ship_to_country_name: countryName(line.order.shipToCountryCode),
      ...shippingCells(line),
      order_net: eurosCell(line.order.subtotalCents),
      order_vat: eurosCell(line.order.vatCents),
      order_total: eurosCell(line.order.totalCents),
      currency: line.order.currency,
    };
    if (audience === "operations") {
      row.buyer = line.order.buyerCompanyName;
      row[supplierColumn] = line.supplierName ?? "";
    }
    return row;
  });
  return csvText(rows, columns);
}
