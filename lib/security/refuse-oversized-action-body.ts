import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { actionBodyLimitBytes } from "./action-body-limits";
import { answerBeforeBody } from "./answer-before-body";
import { oversizedFormMessage } from "./oversized-form-message";

interface ServerReferenceManifest {
  node?: Record<string, { filename?: string; exportedName?: string }>;
}

/** Action id (a hash the build gives) → `<file>#<export>`, from the build's manifest. */
function readActionKeys(distDir: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const candidate of ["server", "dev/server"]) {
    try {
      const manifest = JSON.parse(
        readFileSync(path.join(distDir, candidate, "server-reference-manifest.json"), "utf8"),
      ) as ServerReferenceManifest;
      for (const [id, entry] of Object.entries(manifest.node ?? {}))
        if (entry.filename && entry.exportedName) keys.set(id, `${entry.filename}#${entry.exportedName}`);
    } catch {
      // No such build (yet): a development server compiles pages, and their actions, on first use.
    }
  }
  return keys;
}

/**
 * Makes the check the start script's HTTP server runs before Next sees a request: a server action post
 * (it carries a `Next-Action` header) must announce its length, and no more than its action may take
 * (lib/security/action-body-limits.ts); otherwise it is answered 411 or 413 without reading the body.
 * Node's HTTP parser never delivers more than the announced length. Returns true when it answered.
 */
export function createActionBodyCheck(options: { distDir: string; development: boolean }) {
  let actionKeys = readActionKeys(options.distDir);
  return function refuseOversizedActionBody(request: IncomingMessage, response: ServerResponse): boolean {
    const actionId = request.headers["next-action"];
    if (request.method !== "POST" || typeof actionId !== "string") return false;
    if (!actionKeys.has(actionId) && options.development) {
      actionKeys = readActionKeys(options.distDir);
      // A page compiled a moment ago whose manifest is not written yet: Next's own limit applies.
      if (!actionKeys.has(actionId)) return false;
    }
    const limit = actionBodyLimitBytes(actionKeys.get(actionId));
    const declared = request.headers["content-length"];
    if (declared === undefined) {
      answer(request, response, 411, "Send the form with its Content-Length.");
      return true;
    }
    if (Number(declared) > limit) {
      answer(request, response, 413, oversizedFormMessage(formatBytes(limit)));
      return true;
    }
    return false;
  };
}

function answer(request: IncomingMessage, response: ServerResponse, status: number, message: string): void {
  // Exactly text/plain: Next's client then raises the sentence as the error (else a generic one).
  answerBeforeBody(request, response, { status, contentType: "text/plain", body: message });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
