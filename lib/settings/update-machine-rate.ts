import { z } from "zod";
import { manufacturingProcesses, processNames } from "../../quoting-engine/catalogue/catalogue";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { formatEuros } from "../money/format-euros";
import { dbProcessOf } from "../db/catalogue-codes";
import { confirmLargeChangeInput, euroCentsInput, numberInput, reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

const machineRateSchema = z.object({
  process: z.enum(manufacturingProcesses, { error: "Choose a process." }),
  hourlyRateEuros: euroCentsInput("the hourly rate", 2_000),
  setupMinutes: numberInput("the setup time in minutes", 0, 1_440, { integer: true }),
  reason: reasonInput,
  confirmLargeChange: confirmLargeChangeInput,
});

/**
 * Changes a process's machine-hour rate and setup minutes, as a new pricing settings version; a move by
 * more than ×3 or ÷3 is saved only once confirmed (large-price-moves.ts).
 */
export async function updateMachineRate(db: Database, actor: { userId: string }, input: unknown) {
  const {
    process,
    hourlyRateEuros: hourlyRateCents,
    setupMinutes,
    reason,
    confirmLargeChange,
  } = machineRateSchema.parse(input);
  const quotes = { process: dbProcessOf(process) };
  return savePricingVersion(
    db,
    actor,
    reason,
    ({ document }) => {
      const before = document.machineRates[process];
      if (!before) throw new AppError("not_found", `No machine rate is stored for ${process}.`);
      const changes = [
        before.hourlyRateCents !== hourlyRateCents &&
          `${formatEuros(before.hourlyRateCents)}/h → ${formatEuros(hourlyRateCents)}/h`,
        before.setupMinutes !== setupMinutes && `setup ${before.setupMinutes} → ${setupMinutes} min`,
      ].filter(Boolean);
      return {
        summary: `Machine rate ${processNames[process]}: ${changes.join(", ")}`,
        document: {
          ...document,
          machineRates: { ...document.machineRates, [process]: { hourlyRateCents, setupMinutes } },
        },
        moves: [
          {
            what: `Machine-hour rate of ${processNames[process]}`,
            before: before.hourlyRateCents,
            after: hourlyRateCents,
            show: formatEuros,
            quotes,
          },
          {
            what: `Setup time of ${processNames[process]}`,
            before: before.setupMinutes,
            after: setupMinutes,
            show: (minutes: number) => `${minutes} min`,
            quotes,
          },
        ],
      };
    },
    { confirmedLargeChange: confirmLargeChange },
  );
}
