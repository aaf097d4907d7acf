// Starts the freshly built app for the end-to-end tests on a throw-away database.
// Playwright's webServer runs this; `npm run test:e2e` builds first.
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const tmpDir = path.join(here, ".tmp");
const serverPath = path.join(root, "build", "server.js");
// playwright.config.ts passes its port in E2E_PORT; this default matches it.
const port = Number(process.env.E2E_PORT || 3917);

if (!existsSync(serverPath) || !existsSync(path.join(root, "build", "index.js"))) {
  console.error(`No app build in ${path.join(root, "build")}: run "npm run build" first.`);
  process.exit(1);
}

// A fresh database (and fresh saved sign-ins) on every run.
rmSync(tmpDir, { recursive: true, force: true });

const env = {
  ...process.env,
  DATABASE_PATH: path.join(tmpDir, "e2e.db"),
  PORT: String(port),
  REQUEST_LOG: "off",
  // Tests simulate other client IPs with X-Forwarded-For (rate-limit tests), so they never lock out 127.0.0.1.
  TRUST_PROXY: "loopback",
  NODE_ENV: "test",
  // Grades and statements go out within a second, and a destination that is down is tried again every second or so:
  // the platform-down test then takes seconds, not the hours the defaults allow.
  OUTBOX_POLL_MS: "200",
  OUTBOX_BACKOFF_BASE_MS: "300",
  OUTBOX_BACKOFF_MAX_MS: "1000",
  OUTBOX_MAX_ATTEMPTS: "60",
};
delete env.SESSION_SECRET;
delete env.FRAME_ANCESTORS;

const child = spawn(process.execPath, [serverPath], { cwd: root, env, stdio: "inherit" });

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
