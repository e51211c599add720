import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { oneAtATimePerKey } from "./one-at-a-time-per-key";
import { quotaAddressKey } from "./quota-address-key";
import type { UploadLimits } from "./upload-limits";
import { formatFileSize } from "../files/format-file-size";

const hourMs = 3600_000;
const dayMs = 24 * hourMs;

/** This process's queue of quota checks per address (or per visitor when the address is unknown). */
const inThisProcess = oneAtATimePerKey();

/** What a visitor's upload may still bring, and the row to settle once the bytes have arrived. */
export interface VisitorUploadReservation {
  id: bigint;
  /** The most bytes this upload may stream: the file limit, the declared size, or what is left today. */
  maxBytes: number;
  /** True when the day's quota, not the file limit, sets `maxBytes`. */
  limitedByQuota: boolean;
}

/**
 * Checks and books one visitor upload against the quotas per visitor and per client address (files per
 * hour, bytes per day), before a byte is stored. Uploads of one visitor or address are counted under a
 * per-visitor and a per-address advisory lock, so parallel requests cannot all pass the same check; the
 * booked row counts at once (with the declared size, or all that is left when none is declared) and is
 * settled to the bytes that really arrived. Over a quota: AppError `rate_limited` with `retryAfterSeconds`.
 * Checks for one address first queue in this process (oneAtATimePerKey), so a busy office waits with one
 * database connection, not with the whole pool, and other visitors' uploads are not starved.
 * Addresses are counted by quotaAddressKey (IPv6 by /64). An address of "unknown" (the deployment
 * cannot tell clients apart) is not limited per address, or every visitor would share one quota.
 */
export async function reserveVisitorUpload(
  db: Database,
  input: { visitorToken: string; clientAddress: string; declaredBytes?: number; limits: UploadLimits },
): Promise<VisitorUploadReservation> {
  const { visitorToken, declaredBytes, limits } = input;
  const clientAddress = quotaAddressKey(input.clientAddress);
  const perAddress = clientAddress !== "unknown";
  const queueKey = perAddress ? `address:${clientAddress}` : `visitor:${visitorToken}`;
  return inThisProcess(queueKey, () =>
    reserveInTransaction(db, { visitorToken, clientAddress, perAddress, declaredBytes, limits }),
  );
}

async function reserveInTransaction(
  db: Database,
  input: {
    visitorToken: string;
    clientAddress: string;
    perAddress: boolean;
    declaredBytes?: number;
    limits: UploadLimits;
  },
): Promise<VisitorUploadReservation> {
  const { visitorToken, clientAddress, perAddress, declaredBytes, limits } = input;
  return db.$transaction(async (tx) => {
    // Always visitor before address, so two requests never wait on each other's second lock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`visitor-upload:visitor:${visitorToken}`}))`;
    if (perAddress)
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`visitor-upload:address:${clientAddress}`}))`;
    const now = Date.now();
    const usage = async (where: { visitorToken: string } | { clientAddress: string }) => {
      const [lastHour, lastDay] = await Promise.all([
        tx.visitorUpload.aggregate({
          where: { ...where, createdAt: { gt: new Date(now - hourMs) } },
          _count: { _all: true },
          _min: { createdAt: true },
        }),
        tx.visitorUpload.aggregate({
          where: { ...where, createdAt: { gt: new Date(now - dayMs) } },
          _sum: { sizeBytes: true },
          _min: { createdAt: true },
        }),
      ]);
      return {
        files: lastHour._count._all,
        firstInHour: lastHour._min.createdAt,
        bytes: Number(lastDay._sum.sizeBytes ?? 0n),
        firstInDay: lastDay._min.createdAt,
      };
    };
    const counted = [await usage({ visitorToken }), ...(perAddress ? [await usage({ clientAddress })] : [])];
    const who = perAddress ? "from this browser or network" : "from this browser";

    const overFiles = counted.find((entry) => entry.files >= limits.visitorFilesPerHour);
    if (overFiles) {
      const retryAfterSeconds = secondsUntil(overFiles.firstInHour, hourMs, now);
      throw new AppError(
        "rate_limited",
        `Without an account you can upload ${limits.visitorFilesPerHour} files per hour ${who}, and that many have been uploaded. ` +
          `Try again in ${describeWait(retryAfterSeconds)}, or sign up (free) to upload without this limit.`,
        { retryAfterSeconds, limit: "files_per_hour" },
      );
    }
    const leftToday = Math.min(...counted.map((entry) => limits.visitorBytesPerDay - entry.bytes));
    if (leftToday <= 0 || (declaredBytes !== undefined && declaredBytes > leftToday)) {
      const fullest = counted.reduce((a, b) => (a.bytes >= b.bytes ? a : b));
      const retryAfterSeconds = secondsUntil(fullest.firstInDay, dayMs, now);
      throw new AppError(
        "rate_limited",
        `Without an account you can upload ${formatFileSize(limits.visitorBytesPerDay)} per day ${who}; ` +
          `${formatFileSize(Math.max(0, leftToday))} are left${declaredBytes !== undefined ? `, and this file has ${formatFileSize(declaredBytes)}` : ""}. ` +
          `Try again in ${describeWait(retryAfterSeconds)}, or sign up (free) to upload without this limit.`,
        { retryAfterSeconds, limit: "bytes_per_day" },
      );
    }
    const maxBytes = Math.min(limits.maxBytes, leftToday, declaredBytes ?? Number.POSITIVE_INFINITY);
    const row = await tx.visitorUpload.create({
      data: { visitorToken, clientAddress, sizeBytes: BigInt(maxBytes) },
    });
    return { id: row.id, maxBytes, limitedByQuota: leftToday < limits.maxBytes };
  });
}

/** Books the bytes that really arrived (fewer than reserved, or the count when the upload stopped). */
export async function settleVisitorUpload(db: Database, id: bigint, receivedBytes: number): Promise<void> {
  await db.visitorUpload.update({ where: { id }, data: { sizeBytes: BigInt(receivedBytes) } });
}

function secondsUntil(first: Date | null, windowMs: number, now: number): number {
  if (!first) return 60; // the quota is taken by uploads still in flight: they settle within moments
  return Math.max(1, Math.ceil((first.getTime() + windowMs - now) / 1000));
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  if (seconds < 90 * 60) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}
