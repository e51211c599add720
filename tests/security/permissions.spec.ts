// Issue 16, item 5: generated from the permission table. Every page, route handler and server action is
// called as a visitor and as every role, and must answer exactly as lib/auth/permissions.ts and
// lib/auth/guard-table.ts say. Every page and route file on disk and every action in the production
// build (.next/server/server-reference-manifest.json) must be in the table, so a new, unguarded one fails
// here. Ids in paths and forms do not exist (or forms are empty), so nothing seeded is changed.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { actionGuards, pageGuards, routeGuards } from "../../lib/auth/guard-table";
import { may, userRoles, visitor, type Actor, type Permission } from "../../lib/auth/permissions";

const password = "quote-demo-2026";
/** A demo account for every role (prisma/seed.ts). */
const demoEmailByRole: Record<(typeof userRoles)[number], string> = {
  BUYER_ADMIN: "anna.buyer@acme.example",
  BUYER_PURCHASER: "paula.purchaser@acme.example",
  BUYER_ENGINEER: "ben.engineer@acme.example",
  SUPPLIER_ADMIN: "partner@mueller-cnc.example",
  SUPPLIER_MEMBER: "stefan.staff@mueller-cnc.example",
  SUPPLIER_FINANCE: "fiona.finance@mueller-cnc.example",
  OPERATIONS: "olga.ops@instant-quote.example",
};

const appDir = path.resolve("app");
const missingId = "no-such-id-16";

/** A concrete path for an app path: dynamic segments get ids that do not exist. */
function concretePath(appPath: string): string {
  return appPath
    .replace("[...nextauth]", "session")
    .replace(/\[[^\]]+\]/g, missingId)
    .replace(/\/+/g, "/");
}

/** `app/(auth)/sign-in/page.tsx` → `/sign-in`: route groups are not part of the path. */
function appPathOf(file: string): string {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function filesNamed(name: string, dir = appDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(name, full);
    return entry.name === name ? [full] : [];
  });
}

function exportedMethods(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const methods = new Set<string>();
  for (const match of source.matchAll(
    /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
  ))
    methods.add(match[1]!);
  for (const match of source.matchAll(/export const \{([^}]*)\}/g))
    for (const name of match[1]!.split(",").map((part) => part.trim()))
      if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) methods.add(name);
  return [...methods].sort();
}

interface BuiltAction {
  id: string;
  key: string;
  /** A page that carries the action, to post it to. */
  pagePath: string;
}

function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find(
      (name) => name.endsWith("/page") && name !== "app/_not-found/page",
    );
    if (!worker) throw new Error(`${entry.filename}#${entry.exportedName} is on no page`);
    const appPath = appPathOf(path.join(appDir, worker.replace(/^app\//, "") + ".tsx"));
    return { id, key: `${entry.filename}#${entry.exportedName}`, pagePath: concretePath(appPath) };
  });
}

type Verdict = "allowed" | "sign-in" | "forbidden" | `error ${number}`;

function expectedVerdict(actor: Actor, permission: Permission): Verdict {
  // Public API operations (issue 24) take a key, not a session: 401 to everyone who brings none.
  if (permission === "api.key") return "sign-in";
  if (may(actor === visitor ? null : actor, permission)) return "allowed";
  return actor === visitor ? "sign-in" : "forbidden";
}

function pageVerdict(response: APIResponse): Verdict {
  const status = response.status();
  if (status === 403) return "forbidden";
  if (status >= 300 && status < 400 && (response.headers().location ?? "").includes("/sign-in"))
    return "sign-in";
  if (status === 401) return "sign-in";
  return status >= 500 ? `error ${status}` : "allowed";
}

function routeVerdict(response: APIResponse): Verdict {
  const status = response.status();
  if (status === 401) return "sign-in";
  if (status === 403) return "forbidden";
  return status >= 500 ? `error ${status}` : "allowed";
}

/**
 * What Next 16 answers a server action called as the browser does (header `Next-Action`): forbidden()
 * → 403; redirect() → 200 with `x-action-redirect: <url>;<type>`; a returned form state (a refusal of
 * the input included) → 200; a thrown error → 500.
 */
function actionVerdict(response: APIResponse): Verdict {
  const status = response.status();
  if (status === 403) return "forbidden";
  const redirect = response.headers()["x-action-redirect"] ?? "";
  if (redirect.startsWith("/sign-in")) return "sign-in";
  return status === 200 ? "allowed" : `error ${status}`;
}

/**
 * The multipart body React 19.2 sends for `action(previousState, formData)`: the form (reference `$K1`)
 * as fields named `_1_<name>`, then the arguments as JSON in field "0", last, since the server resolves
 * the reference when "0" arrives.
 */
function actionBody(fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([{}, "$K1"]));
  return body;
}

async function callAction(
  request: APIRequestContext,
  action: BuiltAction,
  fields?: Record<string, string>,
): Promise<APIResponse> {
  return request.post(action.pagePath, {
    headers: {
      "next-action": action.id,
      accept: "text/x-component",
      origin: new URL(test.info().project.use.baseURL!).origin,
    },
    multipart: actionBody(fields),
    maxRedirects: 0,
  });
}

async function signedInContext(
  playwright: { request: { newContext: (options: { baseURL?: string }) => Promise<APIRequestContext> } },
  baseURL: string,
  actor: Actor,
): Promise<APIRequestContext> {
  const request = await playwright.request.newContext({ baseURL });
  if (actor === visitor) return request;
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", {
    form: { email: demoEmailByRole[actor], password, csrfToken, callbackUrl: "/after-sign-in" },
    maxRedirects: 0,
  });
  const me = await request.get("/api/v1/me");
  expect(me.status(), `${actor} signs in`).toBe(200);
  expect(((await me.json()) as { role: string }).role).toBe(actor);
  return request;
}

test.describe("the permission table", () => {
  test("names every page and route file on disk and every server action in the build", () => {
    const pages = filesNamed("page.tsx").map(appPathOf).sort();
    expect(pages, "pages on disk vs pageGuards").toEqual(Object.keys(pageGuards).sort());

    const routes = Object.fromEntries(
      filesNamed("route.ts").map((file) => [appPathOf(file), exportedMethods(file)]),
    );
    const tableRoutes = Object.fromEntries(
      Object.entries(routeGuards).map(([route, methods]) => [route, Object.keys(methods).sort()]),
    );
    expect(routes, "route handlers on disk vs routeGuards").toEqual(tableRoutes);

    const built = builtActions().map((action) => action.key);
    const missing = built.filter((key) => !(key in actionGuards));
    expect(missing, "server actions in the build that the table does not name").toEqual([]);
    const stale = Object.keys(actionGuards).filter((key) => !built.includes(key));
    expect(stale, "actions in the table that the build does not have").toEqual([]);
  });

  for (const actor of [visitor, ...userRoles] as Actor[]) {
    test(`answers ${actor} exactly as the table says`, async ({ playwright, baseURL }) => {
      test.setTimeout(600_000);
      const request = await signedInContext(playwright, baseURL!, actor);
      const wrong: string[] = [];
      const check = (what: string, permission: Permission, verdict: Verdict) => {
        const expected = expectedVerdict(actor, permission);
        if (verdict !== expected) wrong.push(`${what} (${permission}): expected ${expected}, got ${verdict}`);
      };

      for (const [appPath, permission] of Object.entries(pageGuards)) {
        const response = await request.get(concretePath(appPath), { maxRedirects: 0 });
        check(`page ${appPath}`, permission, pageVerdict(response));
      }

      for (const [appPath, methods] of Object.entries(routeGuards))
        for (const [method, permission] of Object.entries(methods) as [string, Permission][]) {
          const response = await request.fetch(concretePath(appPath), {
            method,
            maxRedirects: 0,
            ...(method === "GET" ? {} : { data: {} }),
          });
          check(`${method} ${appPath}`, permission, routeVerdict(response));
        }

      // Signing out ends this context's session, so it goes last.
      const actions = builtActions().sort(
        (a, b) => Number(a.key.endsWith("#signOutAction")) - Number(b.key.endsWith("#signOutAction")),
      );
      for (const action of actions) {
        const permission = actionGuards[action.key as keyof typeof actionGuards];
        if (!permission) continue; // reported by the test above
        check(`action ${action.key}`, permission, actionVerdict(await callAction(request, action)));
      }

      expect(wrong).toEqual([]);
      await request.dispose();
    });
  }
});

test.describe("form data every action gets", () => {
  test("refuses __proto__ field names and NUL text before the action runs, and the server stays well", async ({
    playwright,
    baseURL,
  }) => {
    const request = await signedInContext(playwright, baseURL!, "OPERATIONS");
    const settings = builtActions().find((action) =>
      action.key.endsWith("settings/actions.ts#updateMatchingSettingsAction"),
    )!;
    for (const fields of <Record<string, string>[]>[
      { "__proto__.companyId": "seed_company_mueller" },
      { "weights.constructor.prototype.isAdmin": "true" },
    ]) {
      const response = await callAction(request, settings, fields);
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain("is not allowed");
    }
    const team = builtActions().find((action) =>
      action.key.endsWith("ops/team/actions.ts#createOperationsUserAction"),
    )!;
    const nul = await callAction(request, team, {
      name: "Eve\u0000",
      email: "eve@example.com",
      initialPassword: "x",
    });
    expect(nul.status()).toBe(200);
    expect(await nul.text()).toContain("contains a character that is not allowed");

    expect((await request.get("/ops/settings")).status()).toBe(200);
    expect((await request.get("/api/v1/me")).status()).toBe(200);
    await request.dispose();
  });
});
