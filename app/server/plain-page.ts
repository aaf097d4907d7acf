function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A minimal styled page for answers given before Remix runs (refused requests, server errors). */
export function plainPage({ title, message }: { title: string; message: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Frontline</title><link rel="stylesheet" href="/plain.css"></head>
<body><main class="plain"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>
<p><a href="/">Back to Frontline</a></p></main></body></html>`;
}
