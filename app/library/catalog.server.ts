import path from "node:path";
import { projectRoot } from "#db/paths.server";
import { loadLibrary, type Library, type LoadedScenario } from "./library.server";

/** The scenario library folder: scenarios/ in the project, or SCENARIOS_DIR. */
export function scenariosDir(): string {
  return process.env.SCENARIOS_DIR ? path.resolve(process.env.SCENARIOS_DIR) : path.join(projectRoot, "scenarios");
}

// Production loads the library once per process (a restart picks up new files);
// development rescans on every request, which the content-hash cache keeps cheap.
const KEY = Symbol.for("frontline.library");
type Holder = { [KEY]?: Promise<Library> };

export function getLibrary(): Promise<Library> {
  const holder = globalThis as Holder;
  if (process.env.NODE_ENV === "development" || !holder[KEY]) {
    const loading = loadLibrary({ dir: scenariosDir() });
    holder[KEY] = loading;
    // A failed load must not be remembered: the next request tries again.
    loading.catch(() => {
      if (holder[KEY] === loading) delete holder[KEY];
    });
  }
  return holder[KEY];
}

export async function findPublishedScenario(id: string): Promise<LoadedScenario | undefined> {
  const library = await getLibrary();
  return library.scenarios.find((entry) => entry.scenario.id === id);
}
