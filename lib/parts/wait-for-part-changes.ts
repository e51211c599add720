import type { Part } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { listenForNotifications } from "../db/database-notifications";
import { getLogger } from "../logging/logger";
import { loadPricingData } from "../pricing/load-pricing-data";
import { cheapestPiecePrice } from "../quotes/cheapest-piece-price";
import { partOwnersOf, type PartViewer } from "./find-viewable-part";
import { partChangeTag, type CheapestPiecePrice } from "./part-change-tag";
import { partStateForPage } from "./part-state-for-page";

/** The NOTIFY channel of a part's analysis state, its payload the part's id (migration 202612120101). */
export const partChangedChannel = "part_changed";
/** The longest a request waits for a change (the page asks again after it). */
export const maxPartChangeWaitMs = 10_000;
/** A part in line is read again at most this often when other parts change (its place may move). */
const inLineRereadMs = 1_000;
/** Without the notifications connection (the database unreachable), the parts are read again this often. */
const unnotifiedRereadMs = 500;

/** A part the page follows, with the change tag (lib/parts/part-change-tag.ts) of what it shows. */
export interface FollowedPart {
  id: string;
  tag: string;
}

export type PartChange =
  | {
      id: string;
      part: Omit<Awaited<ReturnType<typeof partStateForPage>>, "analysis">;
      /** Once there is a report (preliminary or final): null when no process prices it instantly. */
      cheapest?: CheapestPiecePrice | null;
    }
  | { id: string; gone: true };

/**
 * The upload rows' long poll (docs/decisions/0070): answers, as soon as one of the followed parts shows
 * something else than its tag (its status, the engine's step, a preliminary report, its place in line),
 * those parts' states, each with its cheapest price once it has a report, so the row needs no second
 * request. Waits up to `waitMs` for a change, woken by the part_changed notification (a part in line
 * also by any other part's, which may move it up), and answers an empty list when nothing changed.
 * A part that is not the viewer's, or no longer exists, is answered `gone`.
 */
export async function waitForPartChanges(
  db: Database,
  viewer: PartViewer,
  followed: FollowedPart[],
  options: { waitMs: number; signal?: AbortSignal; databaseUrl?: string },
): Promise<PartChange[]> {
  const deadline = Date.now() + Math.min(options.waitMs, maxPartChangeWaitMs);
  const ids = new Set(followed.map((part) => part.id));
  let inLine = false;
  let wake: () => void = () => undefined;
  let wakeOwn: () => void = () => undefined;
  let ownChanged = false;
  let stopListening: (() => void) | undefined;
  try {
    // Listening before the first read: a change committed between the read and the wait still wakes it.
    stopListening = await listenForNotifications(
      partChangedChannel,
      (partId) => {
        if (ids.has(partId)) {
          ownChanged = true;
          wakeOwn();
        }
        if (inLine || ids.has(partId)) wake();
      },
      options.databaseUrl,
    ).catch((error: unknown) => {
      getLogger().warn({ err: error }, "no part change notifications; reading the parts again instead");
      return undefined;
    });
    for (;;) {
      const woken = new Promise<void>((resolve) => (wake = resolve));
      const ownWoken = new Promise<void>((resolve) => (wakeOwn = resolve));
      ownChanged = false;
      const readAt = Date.now();
      const states = await readFollowedParts(db, viewer, followed);
      const changed = states.filter(
        ({ change, tag }) => tag !== followed.find((p) => p.id === change.id)?.tag,
      );
      const left = deadline - Date.now();
      if (changed.length > 0 || left <= 0 || options.signal?.aborted)
        return withCheapestPrices(db, changed, followed);
      inLine = states.some(({ change }) => "part" in change && change.part.filesAhead !== undefined);
      await waitFor(woken, stopListening ? left : Math.min(left, unnotifiedRereadMs), options.signal);
      // Only another file changed, which may move this one up the line: read again at most once every
      // inLineRereadMs (with 150 files in line, each read again at every step of every other file was a
      // burst of reads that held re-prices back; decision 0122), sooner for a change of its own.
      const settleMs = Math.min(readAt + inLineRereadMs, deadline) - Date.now();
      if (inLine && !ownChanged && settleMs > 0) await waitFor(ownWoken, settleMs, options.signal);
    }
  } finally {
    stopListening?.();
  }
}

interface FollowedState {
  change: PartChange;
  tag: string;
  row?: Part;
}

async function readFollowedParts(
  db: Database,
  viewer: PartViewer,
  followed: FollowedPart[],
): Promise<FollowedState[]> {
  const owners = partOwnersOf(viewer);
  const rows =
    owners.length === 0
      ? []
      : await db.part.findMany({ where: { id: { in: followed.map((part) => part.id) }, OR: owners } });
  return Promise.all(
    followed.map(async ({ id }): Promise<FollowedState> => {
      const row = rows.find((part) => part.id === id);
      if (!row) return { change: { id, gone: true }, tag: "gone" };
      const { analysis: _analysis, ...part } = await partStateForPage(db, row);
      return { change: { id, part }, tag: partChangeTag(part), row };
    }),
  );
}

/**
 * Adds the cheapest price to each changed part that has a new report to price (the first preliminary one,
 * or the final one), from one load of the prices. A row showing the preliminary price already gets none
 * while only the engine's step changes.
 */
async function withCheapestPrices(
  db: Database,
  changed: FollowedState[],
  followed: FollowedPart[],
): Promise<PartChange[]> {
  const hadPreliminary = (id: string) =>
    followed.find((part) => part.id === id)?.tag.endsWith("|preliminary") ?? false;
  const priceable = changed.filter(
    ({ change, row }) =>
      row &&
      "part" in change &&
      (change.part.status === "ANALYZED" || (change.part.preliminary && !hadPreliminary(change.id))),
  );
  if (priceable.length === 0) return changed.map(({ change }) => change);
  const pricing = await loadPricingData(db);
  return Promise.all(
    changed.map(async (state) =>
      priceable.includes(state)
        ? { ...state.change, cheapest: await cheapestPiecePrice(db, state.row!, pricing) }
        : state.change,
    ),
  );
}

function waitFor(woken: Promise<void>, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
    void woken.then(done);
  });
}
