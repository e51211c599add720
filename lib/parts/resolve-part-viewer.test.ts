import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("../auth/current-user", () => ({ getCurrentUser: async () => null }));
const env = vi.hoisted(() => ({ APP_URL: undefined as string | undefined }));
vi.mock("../env", () => ({ getEnv: () => env }));

const { resolvePartViewer } = await import("./resolve-part-viewer");

describe("resolvePartViewer", () => {
  it("marks a new visitor's cookie Secure behind a TLS proxy, whose requests reach the app as http", async () => {
    env.APP_URL = "https://quotes.example.com";
    const viewer = await resolvePartViewer(new Request("http://127.0.0.1:3000/api/v1/parts"), {
      issueVisitorToken: true,
    });
    expect(viewer.setCookie).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
  });

  it("leaves Secure off on plain http, where a browser would drop the cookie", async () => {
    env.APP_URL = "http://localhost:3000";
    const viewer = await resolvePartViewer(new Request("http://localhost:3000/api/v1/parts"), {
      issueVisitorToken: true,
    });
    expect(viewer.setCookie).toMatch(/SameSite=Lax$/);
  });
});
