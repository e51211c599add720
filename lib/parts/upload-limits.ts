import { getEnv } from "../env";

/** The limits on one upload, and the quotas for visitors (uploads without an account). */
export interface UploadLimits {
  /** The most bytes one CAD file may have (UPLOAD_MAX_BYTES). */
  maxBytes: number;
  /** Files a visitor, and a client address, may upload per rolling hour. */
  visitorFilesPerHour: number;
  /** Bytes a visitor, and a client address, may upload per rolling 24 hours. */
  visitorBytesPerDay: number;
}

export function uploadLimitsFromEnv(): UploadLimits {
  const env = getEnv();
  return {
    maxBytes: env.UPLOAD_MAX_BYTES,
    visitorFilesPerHour: env.UPLOAD_VISITOR_FILES_PER_HOUR,
    visitorBytesPerDay: env.UPLOAD_VISITOR_BYTES_PER_DAY,
  };
}
