/**
 * The framework's floor: the least a Remix page on this stack can cost. One route whose loader
 * reads one SQLite row, rendered to a document with <Meta>, <Links> and <Scripts> like any page,
 * on a bare Express server (no compression, no security headers, no logging), in one process.
 * Every figure of bench:play is read against this one, measured in the same run on the same machine.
 *
 * No Remix compiler: the ServerBuild is written by hand (see @remix-run/server-runtime's build.d.ts).
 * Started by the bench as `node --import tsx app/cli/bench/floor-app.ts` with PORT and DATABASE_PATH.
 */
import { createRequestHandler } from "@remix-run/express";
import { Links, Meta, RemixServer, Scripts, useLoaderData } from "@remix-run/react";
import type { EntryContext, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import express from "express";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import sqlite3 from "sqlite3";

const port = Number(process.env.PORT);
const file = process.env.DATABASE_PATH;
if (!Number.isInteger(port) || !file) {
  console.error("floor-app: set PORT and DATABASE_PATH");
  process.exit(2);
}

function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
}

const db = await new Promise<sqlite3.Database>((resolve, reject) => {
  const opened = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(opened)));
});
// The app's journal mode, so that a read costs what it costs there.
await exec(db, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
await exec(db, "INSERT OR IGNORE INTO floor VALUES (1, 'Floor')");

type Row = { name: string };

function loader(_args: LoaderFunctionArgs): Promise<Row> {
  return new Promise((resolve, reject) =>
    db.get("SELECT name FROM floor WHERE id = ?", [1], (error: Error | null, row: Row | undefined) => (error || !row ? reject(error ?? new Error("no row")) : resolve(row))),
  );
}

function Page() {
  const { name } = useLoaderData<Row>();
  return h(
    "html",
    { lang: "en" },
    h("head", null, h("meta", { charSet: "utf-8" }), h(Meta), h(Links)),
    h("body", null, h("h1", null, `Hello from the ${name}`), h(Scripts)),
  );
}

function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext): Response {
  const html = renderToString(h(RemixServer, { context, url: request.url }));
  headers.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { status, headers });
}

const flags = { hasAction: false, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: false };
const build: ServerBuild = {
  mode: "production",
  entry: { module: { default: handleRequest } },
  routes: { root: { id: "root", path: "", module: { default: Page, loader } } },
  // The browser bundles are never fetched: these names only fill the document's script tags.
  assets: {
    entry: { module: "/build/entry.client.js", imports: [] },
    routes: { root: { id: "root", path: "", module: "/build/root.js", imports: [], hasLoader: true, ...flags } },
    url: "/build/manifest.js",
    version: "floor",
  },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  // The app's flags (remix.config.js), so that both serialise and route the same way.
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: false },
  isSpaMode: false,
};

const app = express();
app.disable("x-powered-by");
app.all("*", createRequestHandler({ build, mode: "production" }));
const server = app.listen(port, "127.0.0.1", () => console.log(`floor app on ${port}`));
process.on("SIGTERM", () => server.close(() => db.close(() => process.exit(0))));
