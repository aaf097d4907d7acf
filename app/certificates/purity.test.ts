/**
 * The certification rule stays pure like the game rules: no node:*, no storage, no React, no
 * server modules. The use cases beside it (*.server.ts) are the layer that reads and writes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";

const dir = new URL("./", import.meta.url);
const core = readdirSync(dir).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".server.ts"));

it.each(core)("%s imports nothing impure", (file) => {
  const source = readFileSync(new URL(file, dir), "utf8");
  const imports = [...source.matchAll(/^import[^;]*?from\s+["']([^"']+)["']/gm)].map((match) => match[1]!);
  for (const spec of imports) {
    expect(spec, `${file} imports ${spec}`).toMatch(/^(\.\/|~\/domain\/|~\/analytics\/mastery$)/);
  }
});
