import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AnalysisFailure, AnalysisReport, AnalyzeFileOptions } from "./analyze-file";
import type { DisplayMesh } from "./analyze-model";
import type { AnalysisRequest, AnalysisWorkerData } from "./analysis-worker";
import type { AnalysisStage } from "./analysis-stage";
import { threadCpuMs } from "./thread-cpu-time";
import { timedOutFailure } from "./timed-out-failure";

export type PooledAnalysis = { report: AnalysisReport; displayMesh: DisplayMesh } | AnalysisFailure;

/** Per file: its time limit, and listeners for its steps and its measured report (see analyzeFile). */
export interface AnalysisLimits {
  timeoutMs?: number;
  onStage?: (stage: AnalysisStage) => void;
  onMeasured?: (report: AnalysisReport) => void;
}

export interface AnalysisPoolOptions {
  /** Worker threads (default 1: the web server keeps the other core). */
  size?: number;
  /** A file taking longer is abandoned with `timeout` and its worker replaced (default 120 s). */
  timeoutMs?: number;
  /** JavaScript heap per worker; beyond it the file fails with `out_of_memory` (default 2048 MB). */
  maxHeapMb?: number;
  /**
   * The workers' CPU priority as a Unix nice value, 0–19 (default 0): above 0 the threads that share the
   * process (the web server's) and the database go first when the cores are busy. Where the system
   * refuses it, the workers run at the process's priority.
   */
  workerNice?: number;
  /**
   * An idle worker lets go of the working arrays it keeps between files (~170 MB after a million-triangle
   * mesh) after this long without a file (default 60 s; 0 keeps them).
   */
  releaseIdleArraysAfterMs?: number;
  /** Told the bytes a worker let go of when it went idle (for tests and the memory bench). */
  onIdleRelease?: (releasedBytes: number) => void;
}

export interface AnalysisPool {
  /**
   * Analyses one file in a worker thread. Never rejects for bad input: failures are values.
   * `limits.timeoutMs` replaces the pool's time limit for this file (a budget scaled to its size);
   * `limits.onStage` and `limits.onMeasured` hear the engine's steps and first report from the thread.
   */
  analyze(
    bytes: Uint8Array,
    fileName: string,
    options?: Omit<AnalyzeFileOptions, "onStage" | "onMeasured">,
    limits?: AnalysisLimits,
  ): Promise<PooledAnalysis>;
  /** Ends the workers; files waiting or being analysed are answered `interrupted` (not failed). */
  close(): Promise<void>;
}

interface Task {
  request: AnalysisRequest;
  timeoutMs: number;
  resolve: (result: PooledAnalysis) => void;
  listeners: Pick<AnalysisLimits, "onStage" | "onMeasured">;
}

type WorkerMessage =
  | { ready: true; threadStatPath?: string }
  | { releasedBytes: number }
  | { id: number; stage: AnalysisStage }
  | { id: number; measured: AnalysisReport }
  | { id: number; result: PooledAnalysis };

const interrupted: AnalysisFailure = {
  ok: false,
  error: {
    code: "interrupted",
    message: "The analysis service stopped before the analysis ended; it runs again after the restart.",
  },
};

interface Slot {
  worker: Worker;
  /** The worker has loaded the engine and its kernels; the time limit counts from here. */
  ready: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
  /** The worker thread's /proc stat file (Linux), and its processor time when the current task began. */
  threadStatPath?: string;
  cpuAtTaskStartMs?: number;
}

/**
 * Worker threads for analysis, so parsing a large file never blocks the web server's event loop.
 * Each worker loads the engine (and its WebAssembly kernel) once and serves many files; a file that runs
 * over the time limit or the memory limit ends its worker, which is replaced.
 */
export function createAnalysisPool(options: AnalysisPoolOptions = {}): AnalysisPool {
  const size = options.size ?? 1;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const maxHeapMb = options.maxHeapMb ?? 2048;
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  // Compiled to JavaScript, the worker runs as is; from TypeScript sources, an entry loads it through tsx.
  const compiledUrl = new URL("./analysis-worker.js", import.meta.url);
  const workerUrl = existsSync(fileURLToPath(compiledUrl))
    ? compiledUrl
    : new URL("./analysis-worker-entry.mjs", import.meta.url);

  const spawn = (): Slot => {
    const worker = new Worker(workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      workerData: {
        nice: options.workerNice ?? 0,
        releaseIdleArraysAfterMs: options.releaseIdleArraysAfterMs ?? 60_000,
      } satisfies AnalysisWorkerData,
    });
    const slot: Slot = { worker, ready: false };
    worker.on("message", (message: WorkerMessage) => {
      if ("ready" in message) {
        slot.ready = true;
        slot.threadStatPath = message.threadStatPath;
        dispatch();
        return;
      }
      if ("releasedBytes" in message) return void safely(() => options.onIdleRelease?.(message.releasedBytes));
      const task = slot.task;
      if (task?.request.id !== message.id) return;
      // A listener's fault must not lose the file's result: the steps are only news.
      if ("stage" in message) return void safely(() => task.listeners.onStage?.(message.stage));
      if ("measured" in message) return void safely(() => task.listeners.onMeasured?.(message.measured));
      finish(slot, message.result);
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY" || /memory/i.test(error.message);
      if (!slot.ready) {
        failStart(slot, error);
        return;
      }
      replace(slot, {
        ok: false,
        error: outOfMemory
          ? {
              code: "out_of_memory",
              message:
                "The file needs more memory to analyse than we allow. Simplify the model or ask for a manual quote.",
            }
          : { code: "internal_error", message: `The analysis failed unexpectedly: ${error.message}` },
      });
    });
    worker.on("exit", () => {
      if (slot.task)
        replace(slot, {
          ok: false,
          error: { code: "internal_error", message: "The analysis stopped unexpectedly." },
        });
    });
    return slot;
  };

  const finish = (slot: Slot, result: PooledAnalysis) => {
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = undefined;
    task?.resolve(result);
    dispatch();
  };

  // A worker that dies while loading (too little heap for the kernels, a broken install) would die
  // again at once: answer the waiting files with the reason and start a worker only for the next file.
  const failStart = (slot: Slot, error: Error) => {
    void slot.worker.terminate();
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    for (const task of queue.splice(0))
      task.resolve({
        ok: false,
        error: {
          code: "internal_error",
          message: `The analysis service could not start: ${error.message}`,
        },
      });
  };

  const replace = (slot: Slot, result: PooledAnalysis) => {
    const index = slots.indexOf(slot);
    const task = slot.task;
    slot.task = undefined;
    clearTimeout(slot.timer);
    void slot.worker.terminate();
    if (index >= 0) slots.splice(index, 1);
    task?.resolve(result);
    if (!closed) slots.push(spawn());
    dispatch();
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.task || queue.length === 0) continue;
      const task = queue.shift()!;
      const taskTimeoutMs = task.timeoutMs;
      slot.task = task;
      slot.cpuAtTaskStartMs = threadCpuMs(slot.threadStatPath);
      slot.timer = setTimeout(() => {
        // Read before the worker ends: its thread's /proc file goes with it.
        const cpuNowMs = threadCpuMs(slot.threadStatPath);
        const processorMs =
          cpuNowMs !== undefined && slot.cpuAtTaskStartMs !== undefined
            ? cpuNowMs - slot.cpuAtTaskStartMs
            : undefined;
        replace(slot, timedOutFailure(taskTimeoutMs, processorMs));
      }, taskTimeoutMs);
      slot.worker.postMessage(task.request);
    }
  };

  for (let index = 0; index < size; index++) slots.push(spawn());

  return {
    analyze(bytes, fileName, analyzeOptions = {}, limits = {}) {
      if (closed)
        return Promise.resolve({
          ok: false,
          error: interrupted.error,
        });
      return new Promise((resolve) => {
        queue.push({
          request: {
            id: nextId++,
            bytes,
            fileName,
            options: analyzeOptions,
            wantsMeasured: Boolean(limits.onMeasured),
          },
          timeoutMs: limits.timeoutMs ?? timeoutMs,
          resolve,
          listeners: { onStage: limits.onStage, onMeasured: limits.onMeasured },
        });
        while (slots.length < size) slots.push(spawn());
        dispatch();
      });
    },
    async close() {
      closed = true;
      // Answered before the workers end, so their exit is not taken for a crash of the file.
      for (const task of queue.splice(0)) task.resolve(interrupted);
      for (const slot of slots) {
        clearTimeout(slot.timer);
        slot.task?.resolve(interrupted);
        slot.task = undefined;
      }
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
      slots.length = 0;
    },
  };
}

function safely(listener: () => void): void {
  try {
    listener();
  } catch {
    // ignored: see the caller
  }
}
