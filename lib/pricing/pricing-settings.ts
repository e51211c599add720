import { z } from "zod";
import {
  finishCodes,
  manufacturingProcesses,
  type ManufacturingProcess as EngineProcess,
} from "../../quoting-engine/catalogue/catalogue";
import type { PricingData } from "../../quoting-engine/pricing/pricing-data";
import { isIsoDate, type IsoDate } from "../../quoting-engine/pricing/working-days";
import { defaultInvoiceTerms, invoiceTermsSchema, type InvoiceTerms } from "./invoice-terms";
import {
  defaultPrepaymentTerms,
  prepaymentTermsSchema,
  type PrepaymentTerms,
} from "../bank-transfers/prepayment-terms";
import {
  defaultVatCheckSettings,
  vatCheckSettingsSchema,
  type VatCheckSettings,
} from "../vat/vat-check-settings";
import { defaultOrderRules, orderRulesSchema, type OrderRules } from "../small-orders/order-rules";
import {
  defaultPayoutRetrySettings,
  payoutRetrySettingsSchema,
  type PayoutRetrySettings,
} from "../payouts/payout-retry-settings";
import { defaultSheetMetalPricing, sheetMetalPricingSchema } from "./sheet-metal-settings-schema";
import { withDefaultFinishes, withDefaultProcesses } from "./with-default-entries";
import {
  complaintWindowSchema,
  defaultComplaintWindow,
  type ComplaintWindow,
} from "../payouts/complaint-window";

/** What a version priced each material at, by material code; the Material table holds the rest. */
export type MaterialPriceSnapshot = Record<string, { priceCentsPerKg: number; active: boolean }>;
/** What a version priced each process's machine time at; the MachineRate table holds the current values. */
export type MachineRateSnapshot = Partial<
  Record<EngineProcess, { hourlyRateCents: number; setupMinutes: number }>
>;
/** A day the platform is closed besides Germany's national holidays (company holidays, 24 and 31 December). */
export interface ClosureDay {
  date: IsoDate;
  name: string;
}

/**
 * The part of the pricing data stored as one versioned JSON document (PricingSettings.settings), with a
 * snapshot of the material prices and machine rates the version priced with (so a quote's settings
 * version says which prices it used), the platform's closure days and its invoice terms. The snapshot,
 * closure days and terms are missing from documents saved before they existed.
 */
export type PricingSettingsDocument = Omit<PricingData, "currency" | "materials" | "processes"> & {
  processes: Record<
    EngineProcess,
    Omit<PricingData["processes"][EngineProcess], "hourlyRateCents" | "setupMinutes">
  >;
  materialPrices?: MaterialPriceSnapshot;
  machineRates?: MachineRateSnapshot;
  holidays?: ClosureDay[];
  invoiceTerms?: InvoiceTerms;
  prepaymentTerms?: PrepaymentTerms;
  vatChecks?: VatCheckSettings;
  /** How transfers refused for lack of Stripe balance are retried (lib/payouts/payout-retry-settings.ts). */
  payoutRetries?: PayoutRetrySettings;
  /** Small-order surcharge and instant-quote limits (lib/small-orders/order-rules.ts). */
  orderRules?: OrderRules;
  /** The buyer's complaint window, which partner payouts wait for (lib/payouts/complaint-window.ts). */
  complaintWindow?: ComplaintWindow;
};

/** Splits engine pricing data into what the Material, MachineRate and PricingSettings tables hold. */
export function toSettingsDocument(data: PricingData): PricingSettingsDocument {
  const processes = Object.fromEntries(
    Object.entries(data.processes).map(
      ([process, { hourlyRateCents: _rate, setupMinutes: _setup, ...rest }]) => [process, rest],
    ),
  ) as PricingSettingsDocument["processes"];
  const { currency: _currency, materials, processes: _processes, ...rest } = data;
  return {
    ...rest,
    processes,
    materialPrices: Object.fromEntries(
      materials.map((material) => [
        material.code,
        { priceCentsPerKg: material.priceCentsPerKg, active: true },
      ]),
    ),
    machineRates: Object.fromEntries(
      Object.entries(data.processes).map(([process, { hourlyRateCents, setupMinutes }]) => [
        process,
        { hourlyRateCents, setupMinutes: Math.round(setupMinutes) },
      ]),
    ),
  };
}

export const closureDaySchema = z.object({
  date: z.string().refine(isIsoDate, "Enter a date as YYYY-MM-DD."),
  name: z.string().trim().min(1, "Name the day (e.g. Christmas Eve).").max(80),
});

const positive = z.number().positive();

/** Checks a stored settings document, so a bad edit fails loudly instead of pricing nonsense. */
export const pricingSettingsSchema = z.object({
  processes: z.preprocess(
    withDefaultProcesses,
    z.record(
      z.enum(manufacturingProcesses),
      z.object({
        envelopeMm: z.tuple([positive, positive, positive]),
        baseLeadDays: z.number().int().min(0),
        machineHoursPerDay: positive,
        parameters: z.record(z.string(), z.union([z.number().min(0), z.array(positive).length(3)])),
      }),
    ),
  ),
  finishes: z.preprocess(
    withDefaultFinishes,
    z
      .array(
        z.object({
          code: z.enum(finishCodes),
          processes: z.array(z.enum(manufacturingProcesses)).min(1),
          materialCodes: z.array(z.string()).optional(),
          centsPerCm2: z.number().min(0),
          centsPerOrder: z.number().min(0),
          extraLeadDays: z.number().int().min(0),
        }),
      )
      .min(1),
  ),
  tolerances: z.object({
    fine: z.object({ machiningFactor: positive, additiveFactor: positive }),
    medium: z.object({ machiningFactor: positive, additiveFactor: positive }),
    coarse: z.object({ machiningFactor: positive, additiveFactor: positive }),
  }),
  margins: z
    .array(
      z.object({
        process: z.enum(manufacturingProcesses).optional(),
        minQuantity: z.number().int().min(1),
        marginPercent: z.number().min(0).max(200),
      }),
    )
    .min(1),
  deliveryTiers: z
    .array(
      z.object({
        code: z.enum(["express", "priority", "standard", "economy", "relaxed"]),
        label: z.string(),
        leadShare: positive,
        priceFactor: positive,
      }),
    )
    .min(1),
  validityDays: z.number().int().min(1),
  labourRateCentsPerHour: z.number().int().min(0),
  materialPrices: z
    .record(z.string(), z.object({ priceCentsPerKg: z.number().int().positive(), active: z.boolean() }))
    .optional(),
  machineRates: z
    .partialRecord(
      z.enum(manufacturingProcesses),
      z.object({ hourlyRateCents: z.number().int().min(0), setupMinutes: z.number().int().min(0) }),
    )
    .optional(),
  holidays: z.array(closureDaySchema).default([]),
  invoiceTerms: invoiceTermsSchema.default(defaultInvoiceTerms),
  prepaymentTerms: prepaymentTermsSchema.default(defaultPrepaymentTerms),
  vatChecks: vatCheckSettingsSchema.default(defaultVatCheckSettings),
  payoutRetries: payoutRetrySettingsSchema.default(defaultPayoutRetrySettings),
  orderRules: orderRulesSchema.default(defaultOrderRules),
  complaintWindow: complaintWindowSchema.default(defaultComplaintWindow),
  sheetMetal: sheetMetalPricingSchema.default(defaultSheetMetalPricing),
});

export type ParsedPricingSettings = z.infer<typeof pricingSettingsSchema>;
