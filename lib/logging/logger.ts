import pino from "pino";

const globalForLogger = globalThis as unknown as { logger?: pino.Logger };

/** The process-wide structured logger (JSON lines). Child loggers carry a requestId or jobId. */
export function getLogger(): pino.Logger {
  globalForLogger.logger ??= pino({
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "marketplace" },
    redact: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "headers.cookie",
      "headers.authorization",
    ],
  });
  return globalForLogger.logger;
}
