import type { Database, TransactionClient } from "@/lib/db/prisma";

/** The names of the materials these lines are made of, by code (a retired material keeps its code). */
export async function materialNamesOf(
  db: Database | TransactionClient,
  lines: readonly { materialCode: string }[],
): Promise<(code: string) => string> {
  const materials = await db.material.findMany({
    where: { code: { in: [...new Set(lines.map((line) => line.materialCode))] } },
    select: { code: true, name: true },
  });
  const names = new Map(materials.map((material) => [material.code, material.name]));
  return (code) => names.get(code) ?? code;
}
