// A small static file server for dist/, bound to loopback only.
//   node scripts/serve.mjs [--root dist] [--port 8080] [--csp "policy"] [--max-seconds N]
// Prints "Afterview is served at http://127.0.0.1:PORT/" once listening (port 0 picks a free one).
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const root = resolve(option("root", "dist"));
const port = Number(option("port", process.env.PORT ?? "8080"));
const csp = option("csp", "");
const maxSeconds = Number(option("max-seconds", "0"));

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
  response.writeHead(200, headers);
  createReadStream(file).pipe(response);
});

server.listen(port, "127.0.0.1", () => {
  console.log(`Afterview is served at http://127.0.0.1:${server.address().port}/`);
});
if (maxSeconds > 0) setTimeout(() => process.exit(0), maxSeconds * 1000).unref();
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
