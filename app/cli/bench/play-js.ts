/** The JavaScript the play page loads (script src + modulepreload under /build/), measured gzipped at level 9. */
import { gzipSync } from "node:zlib";
import { inlineScriptBytes, scriptAssets } from "./html";
import type { Requester } from "./http";
import type { JsFigures } from "./play-report";
import type { Trainee } from "./trainees";

export async function measureJavaScript(base: string, http: Requester, trainee: Trainee): Promise<JsFigures> {
  const page = await http(`/train/attempts/${trainee.attemptId}`, { cookie: trainee.cookie });
  if (page.status !== 200) throw new Error(`the play page answered ${page.status}`);
  const files = [];
  for (const asset of scriptAssets(page.text)) {
    const response = await fetch(`${base}${asset}`);
    if (response.status !== 200) throw new Error(`${asset} answered ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    files.push({ path: asset, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  if (files.length === 0) throw new Error("the play page links no JavaScript under /build/");
  return {
    files,
    raw: files.reduce((sum, file) => sum + file.raw, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
    inline: inlineScriptBytes(page.text),
    html: Buffer.byteLength(page.text),
  };
}
