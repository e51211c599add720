import type { CompanyStatus } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { loadMatchingSettings } from "../matching/matching-settings";
import { emptyTrackRecord, type TrackRecord } from "../matching/score-candidate";
import { qualityFlagsOf, type QualityFlag, type QualityThresholds } from "./quality-flags-of";

/** A supplier's raw rates over the last 365 days; null where there is nothing to rate. */
export interface QualityRates {
  onTimeRate: number | null;
  meanStars: number | null;
  rejectionRate: number | null;
  /** All complaints raised ÷ lines shipped. */
  complaintsPerShippedLine: number | null;
  /** Upheld complaints ÷ lines shipped: what the complaint threshold judges. */
  upheldComplaintsPerShippedLine: number | null;
  meanResponseHours: number | null;
}

export interface SupplierQuality {
  companyId: string;
  name: string;
  status: CompanyStatus;
  city: string | null;
  countryCode: string;
  track: TrackRecord;
  /** When its SupplierScore was last computed; null when it never was. */
  computedAt: Date | null;
  rates: QualityRates;
  flags: QualityFlag[];
}

/** The raw rates of a record, as operations read them (the matcher smooths its own). */
export function qualityRatesOf(track: TrackRecord): QualityRates {
  const offersDecided = track.offersAnswered + track.offersExpired;
  return {
    onTimeRate: track.linesShipped > 0 ? track.linesOnTime / track.linesShipped : null,
    meanStars: track.ratingsCount > 0 ? track.ratingsStarsSum / track.ratingsCount : null,
    rejectionRate: offersDecided > 0 ? (track.offersRejected + track.offersExpired) / offersDecided : null,
    complaintsPerShippedLine: track.linesShipped > 0 ? track.complaintsCount / track.linesShipped : null,
    upheldComplaintsPerShippedLine:
      track.linesShipped > 0 ? track.complaintsUpheld / track.linesShipped : null,
    meanResponseHours: track.meanResponseHours,
  };
}

/**
 * Every supplier with its record over the last 365 days (SupplierScore, as the matcher sees it), its raw
 * rates and the flags the current matching settings' thresholds raise: flagged suppliers first (most
 * flags first), then by name. One query for the suppliers whatever their number; `companyId` narrows it to
 * one supplier (none when that is no supplier).
 */
export async function loadQualityOverview(
  db: Database,
  options: { companyId?: string } = {},
): Promise<{
  suppliers: SupplierQuality[];
  thresholds: QualityThresholds;
  flaggedScoreFactor: number;
  settingsVersion: number;
}> {
  const { settings, version } = await loadMatchingSettings(db);
  const companies = await db.company.findMany({
    where: { kind: "SUPPLIER", ...(options.companyId ? { id: options.companyId } : {}) },
    select: {
      id: true,
      name: true,
      status: true,
      city: true,
      countryCode: true,
      supplierScore: {
        select: {
          offersAnswered: true,
          offersRejected: true,
          offersExpired: true,
          linesShipped: true,
          linesOnTime: true,
          ratingsCount: true,
          ratingsStarsSum: true,
          complaintsCount: true,
          complaintsUpheld: true,
          meanResponseHours: true,
          computedAt: true,
        },
      },
    },
  });
  const suppliers = companies.map((company): SupplierQuality => {
    const { computedAt, ...score } = company.supplierScore ?? { ...emptyTrackRecord, computedAt: null };
    return {
      companyId: company.id,
      name: company.name,
      status: company.status,
      city: company.city,
      countryCode: company.countryCode,
      track: score,
      computedAt,
      rates: qualityRatesOf(score),
      flags: qualityFlagsOf(score, settings.qualityThresholds),
    };
  });
  suppliers.sort((a, b) => b.flags.length - a.flags.length || a.name.localeCompare(b.name, "en"));
  return {
    suppliers,
    thresholds: settings.qualityThresholds,
    flaggedScoreFactor: settings.flaggedScoreFactor,
    settingsVersion: version,
  };
}
