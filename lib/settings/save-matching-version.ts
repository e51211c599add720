import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import {
  loadMatchingSettings,
  matchingSettingsSchema,
  type MatchingSettings,
} from "../matching/matching-settings";

/**
 * Saves a change of the matcher's settings as a new version, in one transaction under the matching
 * settings lock (two saves at once get N+1 and N+2), and records who changed what and why. Match
 * decisions keep the version they ranked with. Throws `validation_failed` when the result is invalid
 * or nothing changed.
 */
export async function saveMatchingVersion(
  db: Database,
  actor: { userId: string },
  reason: string,
  change: (current: MatchingSettings) => { settings: MatchingSettings; summary: string },
): Promise<{ version: number; summary: string }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('MatchingSettings'))`;
    const current = await loadMatchingSettings(tx);
    const { settings, summary } = change(current.settings);
    const checked = matchingSettingsSchema.safeParse(settings);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new AppError(
        "validation_failed",
        `This change would leave the matching settings invalid (${issue?.path.join(".")}: ${issue?.message}).`,
      );
    }
    if (JSON.stringify(checked.data) === JSON.stringify(current.settings))
      throw new AppError("validation_failed", "Nothing changed: the new values are the current ones.");
    const version = current.version + 1;
    await tx.matchingSettings.create({
      data: { version, settings: checked.data, source: `${summary}: ${reason}`, changedById: actor.userId },
    });
    await recordAuditLog(tx, {
      actorUserId: actor.userId,
      action: "settings.matching",
      entityType: "MatchingSettings",
      entityId: String(version),
      data: { summary, reason, previousVersion: current.version },
    });
    return { version, summary };
  });
}
