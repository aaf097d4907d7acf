/**
 * Review scheduling stays pure like the game rules (no node:*, storage, React or server modules),
 * and schedule.ts is the only door to ts-fsrs, so the rest of the app sees plain JSON cards. The
 * use cases beside them (*.server.ts) read and write storage, and are not checked here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";

const dir = new URL("./", import.meta.url);
const core = readdirSync(dir).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".server.ts"));

it.each(core)("%s imports nothing impure", (file) => {
  const source = readFileSync(new URL(file, dir), "utf8");
  const imports = [...source.matchAll(/^import[^;]*?from\s+["']([^"']+)["']/gm)].map((match) => match[1]!);
  expect(imports.length).toBeGreaterThan(0);
  for (const spec of imports) {
    const allowed = file === "schedule.ts" ? /^(\.\/|~\/engine\/scoring$|~\/game\/time$|ts-fsrs$)/ : /^(\.\/|~\/engine\/scoring$|~\/game\/time$)/;
    expect(spec, `${file} imports ${spec}`).toMatch(allowed);
  }
});
