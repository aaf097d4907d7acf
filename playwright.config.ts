import { defineConfig } from "@playwright/test";

// A port unlikely to clash with a developer's own server (3000) or other dev tools.
const PORT = Number(process.env.E2E_PORT || 3917);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  // Two cores: two workers keep scrypt sign-ins and the browser from starving each other.
  workers: 2,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  // Issue 15's specs start servers of their own and seed demo databases beside the shared server: under that load a
  // form's answer has been seen to take over 5 s on two cores. A wrong answer still fails; it only fails later.
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    headless: true,
    trace: "off",
    screenshot: "off",
    video: "off",
    launchOptions: {
      // Debian's Chromium: Playwright cannot download a browser on these machines.
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || "/usr/bin/chromium",
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // The suite runs as root in CI, where Chromium's sandbox cannot start.
        "--no-sandbox",
      ],
    },
  },
  projects: [
    // Signs each demo role in once and saves the session cookie for the other tests.
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    { name: "chromium", testMatch: /\.spec\.ts$/, testIgnore: [/workspace(-[a-z]+)?\.spec\.ts$/, /workers\.spec\.ts$/], dependencies: ["setup"] },
    // The workspace publishes scenarios to every trainee on the server: it runs after the rest,
    // whose figures count the library's scenarios.
    { name: "workspace", testMatch: /workspace(-[a-z]+)?\.spec\.ts$/, dependencies: ["chromium"] },
    // Servers of their own with two workers each, hashing 16 passwords at once and killing processes: last, so that
    // they never starve the shared server's tests of CPU.
    { name: "workers", testMatch: /workers\.spec\.ts$/, dependencies: ["workspace"] },
  ],
  webServer: {
    // A freshly built server (npm run test:e2e builds first) on a throw-away database.
    command: "node e2e/start-server.js",
    url: `${BASE_URL}/sign-in`,
    env: { E2E_PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
