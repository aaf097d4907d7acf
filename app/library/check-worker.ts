/**
 * The worker thread behind check-pool.server.ts: checks one scenario source
 * per message with the pure engine and posts the result back. It imports the
 * engine's check module only (not the whole engine), so it starts quickly.
 */
import { parentPort } from "node:worker_threads";
import { checkScenarioSource } from "~/engine/check";
import type { SourceInfo } from "~/engine/check";
import type { CheckResult } from "~/engine/types";

export interface CheckRequest {
  id: number;
  source: string;
  info: SourceInfo;
}

export type WorkerMessage = { type: "ready" } | { type: "result"; id: number; result: CheckResult } | { type: "failed"; id: number; error: string };

const port = parentPort;
if (port) {
  port.on("message", ({ id, source, info }: CheckRequest) => {
    let message: WorkerMessage;
    try {
      message = { type: "result", id, result: checkScenarioSource(source, { path: info.path, hash: info.hash }) };
    } catch (error) {
      message = { type: "failed", id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(message);
  });
  port.postMessage({ type: "ready" } satisfies WorkerMessage);
}
