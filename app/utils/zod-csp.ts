import * as z from "zod";

// zod 4 probes for eval support with new Function() when a schema is built, and a strict CSP
// reports that probe as a violation even though zod catches it. Route modules build their schemas
// as soon as they load, before entry.client runs, so root.tsx imports this module first.
if (typeof document !== "undefined") z.config({ jitless: true });
