// Assembles dist/ from the wasm-bindgen output: content-hashed asset names, the page, the
// boot script, and a size report (raw, gzip, brotli) of every file.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const [stage, dist] = process.argv.slice(2);
const root = new URL("..", import.meta.url).pathname;

const hashed = (name, bytes) => {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}-${hash}${name.slice(dot)}`;
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const wasm = readFileSync(join(stage, "afterview_bg.opt.wasm"));
const wasmName = hashed("afterview.wasm", wasm);
const glue = readFileSync(join(stage, "afterview.js"));
const glueName = hashed("afterview.js", glue);
const css = readFileSync(join(root, "styles", "afterview.css"));
const cssName = hashed("afterview.css", css);

// The boot script is external (no inline script), so a strict CSP only needs 'wasm-unsafe-eval'.
const boot = `import init from "./${glueName}";
await init({ module_or_path: new URL("./${wasmName}", import.meta.url) });
`;

const page = readFileSync(join(root, "index.html"), "utf8")
  .replaceAll("afterview.css", cssName);

writeFileSync(join(dist, wasmName), wasm);
writeFileSync(join(dist, glueName), glue);
writeFileSync(join(dist, cssName), css);
writeFileSync(join(dist, "boot.js"), boot);
writeFileSync(join(dist, "index.html"), page);

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const rows = readdirSync(dist)
  .filter((name) => statSync(join(dist, name)).isFile())
  .sort()
  .map((name) => {
    const bytes = readFileSync(join(dist, name));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    return { name, raw: bytes.length, gzip, brotli };
  });
const total = rows.reduce(
  (sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
const width = Math.max(...rows.map((row) => row.name.length), 5);
console.log(`${"file".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip".padStart(10)}  ${"brotli".padStart(10)}`);
for (const row of [...rows, { name: "total", ...total }]) {
  console.log(`${row.name.padEnd(width)}  ${kb(row.raw).padStart(10)}  ${kb(row.gzip).padStart(10)}  ${kb(row.brotli).padStart(10)}`);
}
writeFileSync(join(dist, "..", "target", "dist-sizes.json"), JSON.stringify(rows, null, 2));
