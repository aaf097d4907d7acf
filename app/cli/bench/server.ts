import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A TCP port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  await once(probe, "close");
  if (address === null || typeof address === "string") throw new Error("could not find a free port");
  return address.port;
}

export type RunningServer = {
  child: ChildProcess;
  /** The last lines the server printed (for error messages). */
  output(): string;
  stop(): Promise<void>;
};

/** Starts `node <entry>` with the given environment and keeps its last lines of output. */
export function startServer({ entry, cwd, env, nodeArgs = [] }: { entry: string; cwd: string; env: NodeJS.ProcessEnv; nodeArgs?: string[] }): RunningServer {
  const child = spawn(process.execPath, [...nodeArgs, entry], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split(/\r?\n/).filter(Boolean));
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });

  return {
    child,
    output: () => lines.join("\n"),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), sleep(7_000).then(() => false)]);
      if (!stopped) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/** Polls `url` until it answers 200 (or throws after `timeoutMs`, or when the server exits). */
export async function waitUntilAnswering(server: RunningServer, url: string, timeoutMs = 30_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`the server exited (${server.child.exitCode ?? server.child.signalCode}) before answering:\n${server.output()}`);
    }
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - start;
    } catch {
      // not listening yet
    }
    if (performance.now() - start > timeoutMs) throw new Error(`the server did not answer ${url} within ${timeoutMs} ms:\n${server.output()}`);
    await sleep(100);
  }
}
