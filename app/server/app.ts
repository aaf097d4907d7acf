import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import morgan from "morgan";
import { projectRoot } from "#db/paths.server";
import type { Config } from "~/config.server";
import { plainPage } from "./plain-page";
import { healthCheck } from "./health";
import { guardRequest } from "./request-guard";
import { assignCspNonce, keepOpenerForScormLaunches, loadPlatformOrigins, refuseCrossOriginWrites, securityHeaders } from "./security";

type BuildSource = () => Promise<ServerBuild>;

/** Express's setting from TRUST_PROXY ("true" never gets here: readConfig refuses it). */
function trustProxySetting(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "" || value === "false") return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function createApp(config: Config, build: BuildSource, { development }: { development: boolean }) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(config.trustProxy));

  app.use(compression());
  if (config.requestLog !== "off") {
    app.use(
      morgan(":method :url :status :res[content-length] - :response-time ms", {
        skip: (req) => config.requestLog === "on" && (req.url?.startsWith("/build/") ?? false),
      }),
    );
  }
  // Outside production, each answer names the process that gave it, so tests can see requests spread over the workers.
  if (!config.production) app.use((_req, res, next) => (res.set("X-Frontline-Process", String(process.pid)), next()));
  app.use(assignCspNonce);
  app.use(loadPlatformOrigins);
  app.use(securityHeaders({ frameAncestors: config.frameAncestors, development, production: config.production }));
  app.use(keepOpenerForScormLaunches);
  app.use(guardRequest);

  const publicDir = path.join(projectRoot, "public");
  // Fingerprinted bundles never change; everything else in public/ may.
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  const publicFiles = express.static(publicDir, { maxAge: "1h" });
  // Only a path that ends in a file name can be a file in public/: pages skip the disk lookup
  // (a stat per page request was about 3% of the server's time under load).
  app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? publicFiles(req, res, next) : next()));

  app.get("/healthz", (req, res) => void healthCheck(req, res));
  app.use(refuseCrossOriginWrites);
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: development ? "development" : "production",
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
    }),
  );

  // Never a stack trace on a page: log it, show a calm message.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    console.error(error);
    if (res.headersSent) return;
    res.status(500).type("html").send(plainPage(req, { title: "errors.serverTitle", message: "errors.serverPlainBody" }));
  });
  return app;
}
