import { randomBytes } from "node:crypto";

/**
 * A new primary key shaped like Prisma's `cuid()` (25 lower-case letters and digits, starting with "c":
 * time, then 75 random bits), for rows a raw statement inserts, where Prisma's client-side default does
 * not apply. Ids are compared, never parsed; only their uniqueness matters.
 */
export function newRowId(): string {
  const time = Date.now().toString(36).padStart(9, "0").slice(-9);
  const random = BigInt(`0x${randomBytes(10).toString("hex")}`)
    .toString(36)
    .padStart(15, "0")
    .slice(-15);
  return `c${time}${random}`;
}
