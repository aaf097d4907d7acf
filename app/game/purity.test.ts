/**
 * The game rules stay pure like the engine: no node:*, no storage, no React, no server modules.
 * The use cases beside them (*.server.ts) are the layer that reads and writes, and are not rules.
 */
import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";

const dir = new URL("./", import.meta.url);
const core = readdirSync(dir).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".server.ts"));

it.each(core)("%s imports nothing impure", (file) => {
  const source = readFileSync(new URL(file, dir), "utf8");
  const imports = [...source.matchAll(/^import[^;]*?from\s+["']([^"']+)["']/gm)].map((match) => match[1]!);
  for (const spec of imports) {
    expect(spec, `${file} imports ${spec}`).toMatch(/^(\.\/|~\/domain\/|~\/engine\/(scoring|types)$|~\/analytics\/mastery$)/);
    expect(spec, `${file} imports ${spec}`).not.toMatch(/\.server$/);
  }
});
