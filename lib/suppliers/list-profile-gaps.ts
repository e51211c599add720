import type { Database } from "../db/prisma";
import { processLabel } from "../catalogue/catalogue-labels";

/**
 * What in an active partner's profile stops the matcher from offering it any job of a process it offers:
 * no material chosen for the process, or (sheet processes) no laser, or no press brake for bent parts.
 * One sentence each, for the partner's offers page; empty when nothing is missing. A new partner that
 * skipped the materials on its profile is approved, and then waited for offers that could never come.
 */
export async function listProfileGaps(db: Database, companyId: string): Promise<string[]> {
  const [offered, chosen, sheetMachines] = await Promise.all([
    db.supplierProcess.findMany({
      where: { companyId },
      select: { process: true },
      orderBy: { process: "asc" },
    }),
    db.supplierMaterial.findMany({
      where: { companyId },
      select: { material: { select: { processes: true } } },
    }),
    db.sheetMetalMachine.findMany({ where: { companyId }, select: { kind: true } }),
  ]);
  const gaps: string[] = [];
  for (const { process } of offered) {
    if (!chosen.some(({ material }) => material.processes.includes(process)))
      gaps.push(`No material chosen for ${processLabel(process)}: no such job can be offered to you.`);
  }
  const offers = (process: "SHEET_METAL" | "LASER_CUTTING") => offered.some((row) => row.process === process);
  const has = (kind: "LASER" | "PRESS_BRAKE") => sheetMachines.some((machine) => machine.kind === kind);
  if ((offers("SHEET_METAL") || offers("LASER_CUTTING")) && !has("LASER"))
    gaps.push("No laser on your profile: no sheet job can be offered to you.");
  if (offers("SHEET_METAL") && !has("PRESS_BRAKE"))
    gaps.push("No press brake on your profile: no bent sheet-metal part can be offered to you.");
  return gaps;
}
