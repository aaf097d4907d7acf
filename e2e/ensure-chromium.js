// Makes sure the Chromium that Playwright drives is installed (run by `npm run test:e2e`).
// Playwright cannot download its own browser here, so the suite uses Debian's package "chromium".
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

const DEFAULT_PATH = "/usr/bin/chromium";
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || DEFAULT_PATH;

function isInstalled(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.error) {
    console.error(`Could not run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`${command} ${args.join(" ")} failed with exit code ${result.status ?? result.signal}.`);
    process.exit(1);
  }
}

if (!isInstalled(executablePath)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      [
        `Chromium was not found at ${executablePath}.`,
        `The end-to-end tests drive Debian's Chromium: install the Debian package "chromium"`,
        `(for example: sudo apt-get install -y chromium), or point PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH`,
        `at an installed Chromium.`,
      ].join("\n"),
    );
    process.exit(1);
  }
  console.log(`Chromium was not found at ${executablePath}; installing the Debian package "chromium".`);
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "chromium"]);
  if (!isInstalled(executablePath)) {
    console.error(
      `The Debian package "chromium" is installed, but there is still no browser at ${executablePath}. ` +
        `Set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH to where it is (usually ${DEFAULT_PATH}).`,
    );
    process.exit(1);
  }
}
