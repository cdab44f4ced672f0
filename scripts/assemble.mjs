// Assembles dist/ from the wasm-bindgen output: content-hashed assets, the app page with its
// inline styles and one script (boot code, glue and chunk loader bundled), the embed loader,
// the service worker with this build's precache list, the sample blog pages, the icon, the
// single-file build, and a size report (raw, gzip, brotli).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { buildSync, transformSync } from "esbuild";

const [stage, dist] = process.argv.slice(2);
const root = new URL("..", import.meta.url).pathname;
const web = (name) => readFileSync(join(root, "web", name), "utf8");
const digest = (...parts) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 10);
};
const hashed = (name, bytes) => {
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}-${digest(bytes)}${name.slice(dot)}`;
};
// Every script and the stylesheet ship minified: the first download is paid by every reader.
const minified = (code, loader) => transformSync(code, { loader, minify: true, legalComments: "none" }).code;
const fill = (template, values) =>
  Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`__${key}__`, value), template);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const wasm = readFileSync(join(stage, "afterview_bg.opt.wasm"));
const glueOut = readFileSync(join(stage, "afterview.js"), "utf8");
const css = readFileSync(join(root, "styles", "afterview.css"), "utf8");
// The views' styles, attached by the app when it first loads a view (see src/services/styles.rs).
const viewsCss = readFileSync(join(root, "styles", "views.css"), "utf8");
// The views split off by wasm-split: one .wasm per chunk and the loader that fetches them.
const chunkDir = join(stage, "chunks");
const chunkFiles = readdirSync(chunkDir).filter((name) => name.endsWith(".wasm")).sort();
const chunkBytes = Object.fromEntries(chunkFiles.map((name) => [name, readFileSync(join(chunkDir, name))]));
const loaderOut = readFileSync(join(chunkDir, "__wasm_split.js"), "utf8");
const chunkNames = Object.fromEntries(chunkFiles.map((name) => [name, hashed(`afterview-${name}`, chunkBytes[name])]));
const names = {
  WASM: hashed("afterview.wasm", wasm),
  // Named after both sheets: the embed finds the views' sheet from the first one's name.
  CSS: `afterview-${digest(css, viewsCss)}.css`,
};
names.VIEWS_CSS = names.CSS.replace(/\.css$/, "-views.css");
// The glue imports the loader as "./__wasm_split.js" and the loader the glue as
// "./afterview.js"; the loader's fetches of the chunks are renamed here. Both are bundled into
// one module below, and inlined in the single file.
const splitImport = /^import \* as (\w+) from "\.\/__wasm_split\.js";?$/gm;
const chunkUrl = /new URL\("\.\/([\w.]+\.wasm)", import\.meta\.url\)/g;
const chunkFetch = new RegExp(`fetch\\(${chunkUrl.source}\\)`, "g");
// Chunks are fetched a few per task (web/chunk-queue.js), in both builds.
const chunkQueue = web("chunk-queue.js");
const loader = loaderOut
  .replace('from "./afterview.js";', () => `from "./glue.js";\n${chunkQueue}`)
  .replace(chunkFetch, (_, name) => `__avQueued(() => fetch(new URL("./${chunkNames[name]}", import.meta.url)))`);
if (!glueOut.includes('from "./__wasm_split.js"') || loader.includes("./afterview.js") || loader.match(/"\.\/(split|chunk)_/) ||
  loader.includes("= fetch(")) {
  throw new Error("assemble: the wasm-split loader or the glue no longer has the expected shape");
}
const icon = web("favicon.svg");
const build = digest(wasm, glueOut, loader, css, viewsCss, icon, web("boot.js"), web("sw.js"), web("afterview-embed.js"));

// The glue and the loader import each other; each script that ships is one module with both
// in it (a request fewer before the first screen), minified, named after its contents. Every
// import.meta.url in them is then the bundle's, in the same folder as the chunks and the wasm.
const bundleDir = join(stage, "bundle");
rmSync(bundleDir, { recursive: true, force: true });
mkdirSync(bundleDir, { recursive: true });
writeFileSync(join(bundleDir, "glue.js"), glueOut);
writeFileSync(join(bundleDir, "__wasm_split.js"), loader);
writeFileSync(join(bundleDir, "boot.js"), fill(web("boot.js"), { ...names, GLUE: "glue.js", BUILD: build }));
const bundled = (entry) =>
  buildSync({
    entryPoints: [join(bundleDir, entry)],
    bundle: true,
    format: "esm",
    minify: true,
    legalComments: "none",
    write: false,
    // wasm-bindgen names the loader once per import of it in the glue's import object: harmless.
    logLevel: "error",
  }).outputFiles[0].text;
// The embed loader imports the glue; the app page runs the boot code, which imports it too.
const glueBundle = bundled("glue.js");
const appBundle = bundled("boot.js");
names.GLUE = hashed("afterview.js", glueBundle);
names.APP = hashed("afterview-app.js", appBundle);
const values = { ...names, BUILD: build };

// The page: its one script, the wasm preloaded, the first screen's styles inline (no request,
// nothing blocking the first paint), and the name of the views' sheet for the app to attach.
const template = readFileSync(join(root, "index.html"), "utf8");
const firstScreenStyles = "/* styles/afterview.css */";
if (!template.includes(firstScreenStyles) || !template.includes('src="afterview-app.js"')) {
  throw new Error("assemble: index.html no longer has the places for the styles and the script");
}
const page = template
  .replace(firstScreenStyles, () => minified(css, "css").trim())
  .replace('data-av-views="afterview-views.css"', `data-av-views="${names.VIEWS_CSS}"`)
  .replace('src="afterview-app.js"', `src="${names.APP}"`)
  .replaceAll('href="afterview.wasm"', `href="${names.WASM}"`)
  // The template's comments are for its readers; every visit downloads the page.
  .replace(/\n\s*<!--[\s\S]*?-->/g, "");
const files = {
  [names.WASM]: wasm,
  [names.GLUE]: glueBundle,
  [names.APP]: appBundle,
  [names.CSS]: css,
  [names.VIEWS_CSS]: viewsCss,
  "index.html": page,
  "afterview-embed.js": fill(web("afterview-embed.js"), values),
  "favicon.svg": icon,
};
for (const name of chunkFiles) files[chunkNames[name]] = chunkBytes[name];
// The service worker precaches exactly the app page's files of this build, the chunks too, so
// every view opens offline after a first visit (the glue alone and the first sheet are the
// embed's: the page has both inside).
const hashedFiles = [names.APP, names.WASM, names.VIEWS_CSS, ...Object.values(chunkNames)];
const precache = ["./", "index.html", "favicon.svg", ...hashedFiles];
files["sw.js"] = fill(web("sw.js"), {
  ...values,
  ASSETS: JSON.stringify(precache),
  HASHED: JSON.stringify(hashedFiles),
});

// The sample careers blog, with and without the widget (the benchmark compares the two).
const blog = web("blog.html");
files["blog.html"] = blog
  .replace("<!--EMBED-SCRIPT-->", '<script type="module" src="afterview-embed.js"></script>')
  .replace("<!--EMBED-ELEMENT-->", '<afterview-widget namespace="blog"></afterview-widget>');
files["blog-plain.html"] = blog.replace("<!--EMBED-SCRIPT-->", "").replace("<!--EMBED-ELEMENT-->", "");

// The glue and the chunk loader as one module for the single file: the loader's exports become
// the object the glue imports, and chunks are read from base64 strings (decoded on first use)
// instead of fetched, since a file:// page cannot fetch.
function singleFileCode() {
  const exported = [...loaderOut.matchAll(/^export const (\w+) =/gm)].map((match) => match[1]);
  const inlineLoader = loaderOut
    .replace(/^import \{ initSync \} from "\.\/afterview\.js";\n/m, "")
    .replace(/^export const /gm, "const ")
    .replace(chunkFetch, (_, name) => `__avQueued(() => __avChunk("${name}"))`);
  const inlineGlue = glueOut.replace(splitImport, "const $1 = __avSplit;");
  if (inlineLoader.includes("import.meta.url") || inlineLoader.includes("import {") || !inlineGlue.includes("= __avSplit;")) {
    throw new Error("assemble: the chunk loader no longer has the shape the single file inlines");
  }
  const chunks = Object.fromEntries(chunkFiles.map((name) => [name, chunkBytes[name].toString("base64")]));
  return `const __avChunks = ${JSON.stringify(chunks)};\n` +
    `const __avChunk = (name) => Promise.resolve(new Response(` +
    `Uint8Array.from(atob(__avChunks[name]), (c) => c.charCodeAt(0)), { headers: { "Content-Type": "application/wasm" } }));\n` +
    `${chunkQueue}\n${inlineLoader}\nconst __avSplit = { ${exported.join(", ")} };\n${inlineGlue}`;
}

// One self-contained file: stylesheet and glue inline, the wasm embedded as base64.
const inlineScript = (code) => code.replaceAll("</script", "<\\/script");
// Nothing to fetch there: the preload hint goes, both sheets are inline (so styled at once,
// no view's sheet to attach), and the icon is inline too, so opening the file makes no request
// that could fail.
const single = template
  .replace('href="favicon.svg"', () => `href="data:image/svg+xml,${encodeURIComponent(icon.trim())}"`)
  .replace(/^\s*<!-- Two requests[\s\S]*?-->\n/m, "")
  .replace(/^\s*<link rel="preload"[^>]*>\n/gm, "")
  .replace(/<style data-av-views="[^"]*">[^<]*<\/style>/, () => `<style>\n${minified(css + viewsCss, "css")}</style>`)
  .replace(
    '<script type="module" src="afterview-app.js"></script>',
    () => `<script type="module">\n${inlineScript(minified(`${singleFileCode()}\n` +
      `const wasmBytes = Uint8Array.from(atob("${wasm.toString("base64")}"), (c) => c.charCodeAt(0));\n` +
      `await __wbg_init({ module_or_path: wasmBytes });\n` +
      `document.documentElement.dataset.afterviewBuild = "${build}";\n`, "js"))}</script>`,
  );
if (single.includes("afterview-app.js") || single.includes("data-av-views") || single.includes('rel="preload"')) {
  throw new Error("assemble: the single file still refers to a file of its own");
}
files["afterview.html"] = single;

for (const name of ["afterview-embed.js", "sw.js"]) {
  files[name] = minified(files[name], "js");
}
files[names.CSS] = minified(files[names.CSS], "css");
files[names.VIEWS_CSS] = minified(files[names.VIEWS_CSS], "css");
for (const [name, contents] of Object.entries(files)) writeFileSync(join(dist, name), contents);

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const rows = readdirSync(dist)
  .filter((name) => statSync(join(dist, name)).isFile())
  .sort()
  .map((name) => {
    const bytes = readFileSync(join(dist, name));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { name, raw: bytes.length, gzip, brotli };
  });
// What the app page fetches before its first screen: the page (with its styles), its script
// and the wasm.
const widget = rows.filter((row) => ["index.html", names.APP, names.WASM].includes(row.name));
const total = widget.reduce(
  (sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
const width = Math.max(...rows.map((row) => row.name.length), 24);
console.log(`${"file".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip".padStart(10)}  ${"brotli".padStart(10)}`);
for (const row of [...rows, { name: "app page's first download (page + script + wasm)", ...total }]) {
  console.log(`${row.name.padEnd(width)}  ${kb(row.raw).padStart(10)}  ${kb(row.gzip).padStart(10)}  ${kb(row.brotli).padStart(10)}`);
}
console.log(`build ${build}`);
writeFileSync(join(root, "target", "dist-sizes.json"), JSON.stringify({ build, names, rows, widget: total }, null, 2));
