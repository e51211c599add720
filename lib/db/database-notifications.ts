import pg from "pg";
import { getLogger } from "../logging/logger";

type Listener = (payload: string) => void;

interface Notifications {
  databaseUrl: string;
  client?: pg.Client;
  connecting?: Promise<pg.Client>;
  listeners: Map<string, Set<Listener>>;
  /** Channels LISTENed on the current connection. */
  listening: Set<string>;
  reconnectTimer?: NodeJS.Timeout;
}

// Next's bundles and the job worker share the process: a global carries the connections across them, one
// per database (tests use several).
const globalForNotifications = globalThis as unknown as {
  databaseNotifications?: Map<string, Notifications>;
};

function notificationsOf(databaseUrl: string): Notifications {
  const all = (globalForNotifications.databaseNotifications ??= new Map());
  let state = all.get(databaseUrl);
  if (!state) {
    state = { databaseUrl, listeners: new Map(), listening: new Set() };
    all.set(databaseUrl, state);
  }
  return state;
}

/** How long after a lost connection it is opened again (while anyone listens). */
const reconnectAfterMs = 1_000;

/**
 * Calls `listener` with the payload of every PostgreSQL NOTIFY on `channel` (docs/decisions/0070): one
 * LISTEN connection per process (DATABASE_URL), shared by every listener, opened on first use and again
 * after it breaks. Resolves once the LISTEN is in place, so a change committed after it is not missed;
 * rejects when the database cannot be reached (callers then fall back to waiting). Returns the unsubscribe.
 * Notifications are only news: what they announce must be read from the tables.
 */
export async function listenForNotifications(
  channel: string,
  listener: Listener,
  databaseUrl = process.env.DATABASE_URL,
): Promise<() => void> {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: nothing to listen to.");
  const state = notificationsOf(databaseUrl);
  const listeners = state.listeners.get(channel) ?? new Set<Listener>();
  state.listeners.set(channel, listeners);
  listeners.add(listener);
  const unsubscribe = () => {
    listeners.delete(listener);
  };
  try {
    const client = await connected(state);
    if (!state.listening.has(channel)) {
      await client.query(`LISTEN ${channel}`);
      state.listening.add(channel);
    }
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return unsubscribe;
}

/** Sends `payload` on `channel` to every listening process (at commit, when `run` is a transaction's). */
export async function notifyListeners(
  run: (sql: string, values: unknown[]) => Promise<unknown>,
  channel: string,
  payload: string,
): Promise<void> {
  // In FROM: a void column would be one that some drivers (Prisma) cannot decode.
  await run("SELECT 1 AS notified FROM pg_notify($1, $2)", [channel, payload]);
}

/** Ends this process's LISTEN connections (tests, shutdown); a later listen opens a new one. */
export async function closeDatabaseNotifications(): Promise<void> {
  const all = globalForNotifications.databaseNotifications;
  globalForNotifications.databaseNotifications = undefined;
  for (const state of all?.values() ?? []) {
    clearTimeout(state.reconnectTimer);
    const client = state.client ?? (await state.connecting?.catch(() => undefined));
    state.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

function connected(state: Notifications): Promise<pg.Client> {
  if (state.client) return Promise.resolve(state.client);
  state.connecting ??= (async () => {
    const client = new pg.Client({ connectionString: state.databaseUrl, application_name: "notifications" });
    const lost = (error?: Error) => {
      if (state.client !== client) return;
      state.client = undefined;
      state.listening.clear();
      getLogger().warn({ err: error }, "the database notifications connection broke; opening it again");
      client.end().catch(() => undefined);
      scheduleReconnect(state);
    };
    client.on("error", lost);
    client.on("end", () => lost());
    client.on("notification", (message) => {
      for (const listener of state.listeners.get(message.channel) ?? []) listener(message.payload ?? "");
    });
    try {
      await client.connect();
      state.client = client;
      return client;
    } finally {
      state.connecting = undefined;
    }
  })();
  return state.connecting;
}

/** Opens the connection again and LISTENs on every channel someone still listens to. */
function scheduleReconnect(state: Notifications): void {
  clearTimeout(state.reconnectTimer);
  state.reconnectTimer = setTimeout(async () => {
    if (globalForNotifications.databaseNotifications?.get(state.databaseUrl) !== state) return;
    const channels = [...state.listeners].filter(([, listeners]) => listeners.size > 0).map(([c]) => c);
    if (channels.length === 0) return;
    try {
      const client = await connected(state);
      for (const channel of channels) {
        await client.query(`LISTEN ${channel}`);
        state.listening.add(channel);
      }
    } catch {
      scheduleReconnect(state);
    }
  }, reconnectAfterMs);
  state.reconnectTimer.unref();
}
