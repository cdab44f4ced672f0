// A small static file server for dist/, bound to loopback only.
//   node scripts/serve.mjs [--root dist] [--port 8080] [--csp "policy"] [--max-seconds N] [--brotli]
// --brotli sends pages, scripts, styles and wasm brotli-compressed to browsers that accept it,
// as a static host does (every file compressed once before listening, at the size report's level).
// Prints "Afterview is served at http://127.0.0.1:PORT/" once listening (port 0 picks a free one).
import { createReadStream, readFileSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const root = resolve(option("root", "dist"));
const port = Number(option("port", process.env.PORT ?? "8080"));
const csp = option("csp", "");
const maxSeconds = Number(option("max-seconds", "0"));
const brotli = args.includes("--brotli");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

// Compressed bodies by path, kept while the file's size and time stay the same.
const compressed = new Map();
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".webmanifest"]);
function brotliBody(file, stat) {
  const stamp = `${stat.size}:${stat.mtimeMs}`;
  const kept = compressed.get(file);
  if (kept?.stamp === stamp) return kept.body;
  const body = brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  compressed.set(file, { stamp, body });
  return body;
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  let path = normalize(decodeURIComponent(url.pathname));
  if (path.endsWith("/")) path += "index.html";
  const file = join(root, path);
  let stat;
  try {
    stat = file.startsWith(root) ? statSync(file) : null;
  } catch {
    stat = null;
  }
  if (!stat || !stat.isFile()) {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("not found\n");
    return;
  }
  const headers = {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "content-length": stat.size,
    "cache-control": "no-cache",
    // Public static files: a sandboxed frame (opaque origin) may load them as modules.
    "access-control-allow-origin": "*",
  };
  if (csp && extname(file) === ".html") headers["content-security-policy"] = csp;
  if (brotli && COMPRESSIBLE.has(extname(file)) && /\bbr\b/.test(request.headers["accept-encoding"] ?? "")) {
    const body = brotliBody(file, stat);
    response.writeHead(200, { ...headers, "content-encoding": "br", "content-length": body.length, vary: "accept-encoding" });
    response.end(body);
    return;
  }
  response.writeHead(200, headers);
  createReadStream(file).pipe(response);
});

// Every file is compressed before the server listens, so no timed request waits for it.
if (brotli) {
  for (const entry of readdirSync(root, { recursive: true })) {
    const file = join(root, String(entry));
    const stat = statSync(file);
    if (stat.isFile() && COMPRESSIBLE.has(extname(file))) brotliBody(file, stat);
  }
}
server.listen(port, "127.0.0.1", () => {
  console.log(`Afterview is served at http://127.0.0.1:${server.address().port}/`);
});
if (maxSeconds > 0) setTimeout(() => process.exit(0), maxSeconds * 1000).unref();
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
