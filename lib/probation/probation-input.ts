import { z } from "zod";
import { isIsoDate, shift, type IsoDate } from "../../quoting-engine/pricing/working-days";
import { AppError } from "../errors/app-error";
import { probationDefaults } from "./probation-defaults";
import { typedEuros } from "../money/typed-euros";

/** `read`: how the text becomes a number (a decimal comma taken as a point unless told otherwise). */
const optionalNumber = (
  message: string,
  read: (text: string) => unknown = (text) => Number(text.replace(",", ".")),
) =>
  z
    .string()
    .trim()
    .default("")
    .transform((text, context) => {
      if (text === "") return null;
      const value = read(text);
      if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return value;
    });

const probationSchema = z.object({
  // Read as every amount in euros is (lib/money/parse-euro-cents.ts): "1.000" was €1, not €1,000.
  probationMaxOrderValueEuros: optionalNumber(
    "Enter the largest job value in euros, e.g. 1000, or leave it empty.",
    typedEuros,
  ),
  probationMaxOpenJobs: optionalNumber("Enter how many open jobs at most, e.g. 2, or leave it empty."),
  conditionsDueOn: z.string().trim().default(""),
});

export interface ProbationTerms {
  maxOrderValueCents: number | null;
  maxOpenJobs: number | null;
  conditionsDueOn: IsoDate;
}

/**
 * The probation of an approval with conditions, from the decision's fields. A caller that sends none of
 * them (an older client, a script) gets the defaults: an approval with conditions never goes without
 * limits. The due date lies after today and no later than the approval's expiry.
 */
export function parseProbationTerms(input: unknown, today: IsoDate, expiresOn: IsoDate): ProbationTerms {
  const raw = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
  const given = ["probationMaxOrderValueEuros", "probationMaxOpenJobs", "conditionsDueOn"].some(
    (key) => typeof raw[key] === "string" && (raw[key] as string).trim() !== "",
  );
  if (!given)
    return {
      maxOrderValueCents: probationDefaults.maxOrderValueEuros * 100,
      maxOpenJobs: probationDefaults.maxOpenJobs,
      conditionsDueOn: minDate(shift(today, probationDefaults.conditionsDueInDays), expiresOn),
    };
  const parsed = probationSchema.parse(raw);
  if (parsed.probationMaxOrderValueEuros === null && parsed.probationMaxOpenJobs === null)
    throw new AppError(
      "validation_failed",
      "Set a limit on the job value, on open jobs, or both: probation without limits changes nothing.",
      { field: "probationMaxOrderValueEuros" },
    );
  if (parsed.probationMaxOpenJobs !== null && !Number.isInteger(parsed.probationMaxOpenJobs))
    throw new AppError("validation_failed", "Enter a whole number of open jobs, e.g. 2.", {
      field: "probationMaxOpenJobs",
    });
  if (!isIsoDate(parsed.conditionsDueOn))
    throw new AppError("validation_failed", "Enter the day by which the conditions must be met.", {
      field: "conditionsDueOn",
    });
  if (parsed.conditionsDueOn <= today || parsed.conditionsDueOn > expiresOn)
    throw new AppError(
      "validation_failed",
      "The conditions' due date must lie after today and no later than the approval's expiry.",
      { field: "conditionsDueOn" },
    );
  return {
    maxOrderValueCents:
      parsed.probationMaxOrderValueEuros === null
        ? null
        : Math.round(parsed.probationMaxOrderValueEuros * 100),
    maxOpenJobs: parsed.probationMaxOpenJobs,
    conditionsDueOn: parsed.conditionsDueOn,
  };
}

const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
