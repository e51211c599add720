import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { seedDatabase } from "../../prisma/seed";
import { createTestPrisma } from "./setup/test-prisma";

/** pg's warnings about a query sent while its connection is still busy, collected while `work` runs. */
async function overlappingQueryWarningsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const listener = (warning: Error) => {
    if (warning.message.includes("already executing a query")) warnings.push(warning.message);
  };
  process.on("warning", listener);
  try {
    await work();
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("warning", listener);
  }
  return warnings;
}

describe("a transaction's statements go one after another on its connection", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });
  afterAll(async () => {
    await db?.$disconnect();
  });

  it("loads a record's relations inside a transaction without overlapping statements (Prisma's join)", async () => {
    let supplier: { users: unknown[]; machines: unknown[]; supplierProcesses: unknown[] } | null = null;
    const warnings = await overlappingQueryWarningsDuring(() =>
      db.$transaction(async (tx) => {
        supplier = await tx.company.findFirst({
          where: { kind: "SUPPLIER" },
          include: { users: true, machines: true, supplierProcesses: true, certificates: true },
        });
      }),
    );
    expect(warnings).toEqual([]);
    expect(supplier!.users.length).toBeGreaterThan(0);
    expect(supplier!.supplierProcesses.length).toBeGreaterThan(0);
  });

  it("runs statements started at once with Promise.all one after another, each with its own answer", async () => {
    let answers: { backend: number; value: number }[] = [];
    const warnings = await overlappingQueryWarningsDuring(() =>
      db.$transaction(async (tx) => {
        answers = await Promise.all(
          [1, 2, 3, 4, 5].map(async (value) => {
            const [row] = await tx.$queryRaw<{ backend: number; value: number }[]>`
              SELECT pg_backend_pid() AS backend, ${value}::int AS value FROM pg_sleep(0.01)`;
            return row!;
          }),
        );
      }),
    );
    expect(warnings).toEqual([]);
    expect(answers.map((answer) => answer.value)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(answers.map((answer) => answer.backend)).size).toBe(1);
  });

  it("lets the statements queued behind a failed one fail with the transaction, not hang", async () => {
    const outcome = db.$transaction(async (tx) => {
      await Promise.allSettled([
        tx.$queryRaw`SELECT 1 FROM pg_sleep(0.01)`,
        tx.$queryRaw`SELECT 1 / 0`,
        tx.$queryRaw`SELECT 1`,
      ]);
      return tx.$queryRaw`SELECT 1`;
    });
    await expect(outcome).rejects.toThrow(/current transaction is aborted|division by zero/);
    // The connection went back to the pool: the next transaction works.
    await expect(db.$transaction((tx) => tx.$queryRaw`SELECT 1 AS one`)).resolves.toEqual([{ one: 1 }]);
  });
});
