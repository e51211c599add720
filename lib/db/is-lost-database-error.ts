/**
 * Whether an error says the database went away under the process (not that a query was wrong): the server
 * ended the connection (SQLSTATE class 57, e.g. 57P01 "terminating connection due to unexpected postmaster
 * exit"), the socket broke or was refused, or node-postgres's pool saw the connection end. A worker or app
 * whose database died stops with a clear message for its process manager instead of a stack trace.
 */
export function isLostDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (code.startsWith("57P") || lostSocketCodes.has(code))) return true;
  return /Connection terminated|connection ended unexpectedly|Client has encountered a connection error/i.test(
    error.message,
  );
}

const lostSocketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ENOTCONN"]);
