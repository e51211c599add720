import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildOrdersCsv, type OrderLineForCsv } from "./build-orders-csv";

const line: OrderLineForCsv = {
  order: {
    number: "Q-2026-000123",
    createdAt: new Date("2026-10-31T23:30:00Z"),
    status: "IN_PROGRESS",
    paymentMethod: "INVOICE",
    purchaseOrderNumber: 'PO "4711", Werk 2',
    costCentre: null,
    shipToCountryCode: "AT",
    placedByName: "Anna Käufer",
    buyerCompanyName: "Acme GmbH",
    subtotalCents: 100_000,
    vatCents: 19_000,
    totalCents: 119_000,
    currency: "EUR",
  },
  partFileName: "bracket.step",
  process: "CNC_MILLING",
  materialCode: "AL6061",
  materialName: "Aluminium EN AW-6061",
  quantity: 10,
  unitPriceCents: 10_005,
  totalPriceCents: 100_050,
  smallOrderSurchargeCents: 0,
  status: "SHIPPED",
  deliveryDate: new Date("2026-11-20T00:00:00Z"),
  carrier: "DHL",
  trackingNumber: "00340434161094042557",
  shippedAt: new Date("2026-11-18T09:00:00Z"),
  deliveredAt: null,
  supplierName: "Müller CNC",
};

describe("the orders CSV", () => {
  it("is RFC 4180 CSV with a byte-order mark, one row per line, amounts with a dot and Berlin days", () => {
    const csv = buildOrdersCsv([line], "buyer");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      order_number: "Q-2026-000123",
      // 23:30 UTC on 31 Oct is 00:30 on 1 Nov in Berlin.
      placed_on: "2026-11-01",
      placed_by: "Anna Käufer",
      purchase_order_number: 'PO "4711", Werk 2',
      unit_price: "100.05",
      line_total: "1000.50",
      order_total: "1190.00",
      tracking_number: "00340434161094042557",
      delivery_date: "2026-11-20",
      shipped_on: "2026-11-18",
      delivered_on: "",
    });
  });

  it("puts the name people read beside each code a machine reads: process, material, statuses, country", () => {
    const rows = parse(buildOrdersCsv([line], "buyer").slice(1), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows[0]).toMatchObject({
      order_status: "in_progress",
      order_status_name: "In production",
      payment_method: "invoice",
      payment_method_name: "Invoice",
      process: "cnc_milling",
      process_name: "CNC milling",
      material: "AL6061",
      material_name: "Aluminium EN AW-6061",
      line_status: "shipped",
      line_status_name: "Shipped",
      ship_to_country: "AT",
      ship_to_country_name: "Austria",
    });
    const header = buildOrdersCsv([line], "buyer").slice(1).split("\r\n")[0]!.split(",");
    expect(header.indexOf("process_name")).toBe(header.indexOf("process") + 1);
  });

  it("names the partner and the buyer only in operations' export", () => {
    const buyerHeader = buildOrdersCsv([line], "buyer").split("\r\n")[0]!;
    expect(buyerHeader).not.toContain("partner");
    expect(buildOrdersCsv([line], "buyer")).not.toContain("Müller");
    const rows = parse(buildOrdersCsv([line], "operations").slice(1), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows[0]!.buyer).toBe("Acme GmbH");
    expect(rows[0]!["partner"]).toBe("Müller CNC");
  });
});

describe("the partner's jobs CSV", () => {
  it("holds the partner's own price, not the buyer's", async () => {
    const { buildJobsCsv } = await import("./build-jobs-csv");
    const csv = buildJobsCsv([
      {
        orderNumber: "Q-2026-000123",
        partFileName: "bracket.step",
        process: "CNC_MILLING",
        materialCode: "AL6061",
        materialName: "Aluminium EN AW-6061",
        finish: "as_machined",
        quantity: 10,
        supplierPriceCents: 70_035,
        status: "IN_PRODUCTION",
        deliveryDate: new Date("2026-11-20T00:00:00Z"),
        carrier: null,
        trackingNumber: null,
        shippedAt: null,
        deliveredAt: null,
      },
    ]);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({
      order_number: "Q-2026-000123",
      your_price: "700.35",
      status: "in_production",
    });
    // People read names beside the codes a machine reads (decision 0110).
    expect(rows[0]).toMatchObject({
      process: "cnc_milling",
      process_name: "CNC milling",
      material: "AL6061",
      material_name: "Aluminium EN AW-6061",
      finish: "as_machined",
      finish_name: "As machined",
      status_name: "In production",
    });
  });
});

describe("the orders CSV opened in a spreadsheet", () => {
  it("shows typed formulas as text and keeps negative amounts numbers", () => {
    const hostile: OrderLineForCsv = {
      ...line,
      partFileName: '=HYPERLINK("http://evil.example","open").step',
      order: {
        ...line.order,
        buyerCompanyName: "@SUM(1+1)*cmd|' /C calc'!A0",
        purchaseOrderNumber: "+4711",
        costCentre: "-1+1",
        vatCents: -250,
      },
    };
    const rows = parse(buildOrdersCsv([hostile], "operations").slice(1), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows[0]).toMatchObject({
      part_file: '\'=HYPERLINK("http://evil.example","open").step',
      buyer: "'@SUM(1+1)*cmd|' /C calc'!A0",
      purchase_order_number: "'+4711",
      cost_centre: "'-1+1",
      order_vat: "-2.50",
    });
  });

  it("shows a line's small-order surcharge, so quantity × unit price + surcharge is the line total", () => {
    // Walk6: one €42.12 part with a €20.38 surcharge read "1, 42.12, 62.50" with nothing to say why.
    const small = {
      ...line,
      quantity: 1,
      unitPriceCents: 4_212,
      totalPriceCents: 6_250,
      smallOrderSurchargeCents: 2_038,
    };
    const [row] = parse(buildOrdersCsv([small, line], "buyer").slice(1), { columns: true }) as Record<
      string,
      string
    >[];
    expect(row).toMatchObject({ unit_price: "42.12", small_order_surcharge: "20.38", line_total: "62.50" });
    expect(Number(row!.quantity) * Number(row!.unit_price) + Number(row!.small_order_surcharge)).toBeCloseTo(
      Number(row!.line_total),
      2,
    );
  });
});
