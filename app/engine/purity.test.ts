/** The engine core stays pure: no node:*, no storage, no React, nothing from the server layers. */
import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";

const dir = new URL("./", import.meta.url);
const core = [
  ...readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")),
  ...readdirSync(new URL("__fixtures__/", dir))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `__fixtures__/${f}`),
];

it.each(core)("%s imports nothing impure", (file) => {
  const source = readFileSync(new URL(file, dir), "utf8");
  const imports = [...source.matchAll(/^import[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
  for (const spec of imports) {
    expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|fs$|path$|react|mdx-bundler|sqlite|~\/(?!engine|domain\/)|#db)/);
    expect(spec, `${file} imports ${spec}`).not.toMatch(/\.server$/);
  }
});
