import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { platformOrigins } from "~/lti/platform-origins.server";
import { plainPage } from "./plain-page";

export function assignCspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

/** Registered learning platforms' origins, read before the headers are written (they frame Frontline). */
export function loadPlatformOrigins(_req: Request, res: Response, next: NextFunction) {
  platformOrigins().then(
    (origins) => ((res.locals.platformOrigins = origins), next()),
    (error: unknown) => {
      // No database answer: the policy falls back to FRAME_ANCESTORS alone, which only frames less.
      console.error(error);
      res.locals.platformOrigins = [];
      next();
    },
  );
}

const originsOf = (res: unknown) => ((res as Response).locals.platformOrigins as string[] | undefined) ?? [];
/** The page that posts a deep linking answer back to the platform. */
export const DEEP_LINK_PATH = /^\/lti\/deep-link\//;

/** FRAME_ANCESTORS plus the registered platforms ('none' gives way when there are platforms to allow). */
export function frameAncestorsFor(configured: string, origins: readonly string[]): string {
  const sources = configured.split(/\s+/);
  if (origins.length === 0) return sources.join(" ");
  return [...sources.filter((source) => source !== "'none'"), ...origins].join(" ");
}

export function securityHeaders({
  frameAncestors,
  development,
  production,
}: {
  frameAncestors: string;
  development: boolean;
  production: boolean;
}) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [(_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`, "'strict-dynamic'"],
        // The nonce lets the scenario editor (CodeMirror) add its own style elements (EditorView.cspNonce).
        styleSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        // Remix's live reload talks over a WebSocket in development.
        connectSrc: development ? ["'self'", "ws:"] : ["'self'"],
        // The deep linking page auto-posts its signed answer to the platform's return URL.
        formAction: ["'self'", (req, res) => (DEEP_LINK_PATH.test((req as Request).path) ? originsOf(res).join(" ") : "")],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: [(_req, res) => frameAncestorsFor(frameAncestors, originsOf(res))],
      },
    },
    referrerPolicy: { policy: "same-origin" },
    // frame-ancestors above is the configurable rule; X-Frame-Options could only contradict it.
    xFrameOptions: false,
    // HSTS only where the app is served over HTTPS for real.
    strictTransportSecurity: production ? undefined : false,
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * The pages a SCORM package's window passes through: the launch, sign-in, play and debrief. Helmet's
 * `Cross-Origin-Opener-Policy: same-origin` would cut such a window off from the platform page that opened it
 * (another site), and the debrief could no longer post the result back. Everywhere else keeps same-origin.
 */
const OPENER_KEPT = [/^\/scorm\//, /^\/sign-in$/, /^\/train\/attempts\//];

export function keepOpenerForScormLaunches(req: Request, res: Response, next: NextFunction) {
  if (OPENER_KEPT.some((path) => path.test(req.path))) res.setHeader("Cross-Origin-Opener-Policy", "unsafe-none");
  next();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** LTI's login initiation and launch are cross-site posts by design; their state and nonce protect them instead. */
const CROSS_SITE_POSTS = new Set(["/lti/login", "/lti/launch"]);

/**
 * Refuses state-changing requests sent from another site. Browsers always send Origin on
 * cross-origin POSTs, so a missing header means a same-origin navigation or a non-browser client.
 */
export function refuseCrossOriginWrites(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || CROSS_SITE_POSTS.has(req.path)) return next();
  const origin = req.get("origin");
  const ownOrigin = `${req.protocol}://${req.get("host") ?? ""}`;
  if (origin === undefined || origin === ownOrigin) return next();
  // API clients read JSON errors; a browser page from another site gets the same refusal in JSON.
  if (req.path.startsWith("/api/")) {
    res.status(403).json({ error: { code: "cross-origin", message: "Requests from another website's pages are refused. Call the API from a server, without an Origin header." } });
    return;
  }
  res
    .status(403)
    .type("html")
    .send(
      plainPage(req, { title: "errors.refusedTitle", message: "errors.refusedBody" }),
    );
}
