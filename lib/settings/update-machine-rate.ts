import { z } from "zod";
import { manufacturingProcesses, processNames } from "../../quoting-engine/catalogue/catalogue";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { formatEuros } from "../money/format-euros";
import { euroCentsInput, numberInput, reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

const machineRateSchema = z.object({
  process: z.enum(manufacturingProcesses, { error: "Choose a process." }),
  hourlyRateEuros: euroCentsInput("the hourly rate", 2_000),
  setupMinutes: numberInput("the setup time in minutes", 0, 1_440, { integer: true }),
  reason: reasonInput,
});

/** Changes a process's machine-hour rate and setup minutes, as a new pricing settings version. */
export async function updateMachineRate(db: Database, actor: { userId: string }, input: unknown) {
  const { process, hourlyRateEuros: hourlyRateCents, setupMinutes, reason } = machineRateSchema.parse(input);
  return savePricingVersion(db, actor, reason, ({ document }) => {
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
    };
  });
}
