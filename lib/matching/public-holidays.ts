import Holidays from "date-holidays";
import type { IsoDate } from "../../quoting-engine/pricing/working-days";

/** One public holiday of a supplier's country and region. */
export interface PublicHoliday {
  day: IsoDate;
  name: string;
}

// English names the date-holidays data gives only in German (it names states in their own language).
const englishStateNames: Record<string, Record<string, string>> = {
  DE: {
    bavaria: "BY",
    saxony: "SN",
    "saxony-anhalt": "ST",
    "lower saxony": "NI",
    "north rhine-westphalia": "NW",
    "rhineland-palatinate": "RP",
    thuringia: "TH",
    hesse: "HE",
    "mecklenburg-western pomerania": "MV",
  },
};

const normalised = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase();

/**
 * The date-holidays state code for what a supplier typed as its region ("BW", "Baden-Württemberg",
 * "Bavaria", "Hamburg"), or null when its country has no such state (then its national holidays apply).
 */
export function holidayRegionOf(countryCode: string, region: string | null): string | null {
  if (!region?.trim()) return null;
  const key = `${countryCode}|${region}`;
  if (!regionCodes.has(key)) regionCodes.set(key, findRegion(countryCode, region));
  return regionCodes.get(key)!;
}

const regionCodes = new Map<string, string | null>();

function findRegion(countryCode: string, region: string): string | null {
  const states = (new Holidays().getStates(countryCode) ?? {}) as Record<string, string>;
  const wanted = normalised(region);
  for (const [code, name] of Object.entries(states)) {
    const stateName = normalised(name);
    if (normalised(code) === wanted || stateName === wanted) return code;
    // "Hamburg" for "Hansestadt Hamburg", "Bremen" for "Hansestadt Bremen".
    if (stateName.endsWith(` ${wanted}`)) return code;
  }
  return englishStateNames[countryCode]?.[wanted] ?? null;
}

const byKeyAndYear = new Map<string, PublicHoliday[]>();

/**
 * The public holidays (type "public": days off by law, not observances or bank holidays) of a country,
 * and of its region when given, in one calendar year, from the date-holidays library. Cached per
 * country, region and year: the matcher asks for the same few for every supplier it ranks.
 */
export function publicHolidaysOf(countryCode: string, region: string | null, year: number): PublicHoliday[] {
  const state = holidayRegionOf(countryCode, region);
  const key = `${countryCode}|${state ?? ""}|${year}`;
  let holidays = byKeyAndYear.get(key);
  if (!holidays) {
    const calendar = state ? new Holidays(countryCode, state) : new Holidays(countryCode);
    holidays = (calendar.getHolidays(year, "en") || [])
      .filter((holiday) => holiday.type === "public")
      // date is the local day ("2026-12-25 00:00:00"), whatever the server's time zone.
      .map((holiday) => ({ day: holiday.date.slice(0, 10), name: holiday.name }));
    byKeyAndYear.set(key, holidays);
  }
  return holidays;
}
