// A tiny static server for the browser test page (node:http only, no bundler):
//   /                      index.html with an import map injected, app.js
//   /sdk/…                 the SDK's built ESM (dist/src)
//   /node_modules/<pkg>/…  the ESM builds of @bufbuild/protobuf, @connectrpc/connect, @connectrpc/connect-web
//   /platform.*.*/Method   (optional, `proxyTo`) gRPC-Web calls forwarded to the host, so the page is same-origin
// The import map is generated from the packages' own "exports" ("import" condition), so subpath imports
// such as "@bufbuild/protobuf/wkt" resolve exactly as in Node.
import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SDK_DIR = path.resolve(HERE, "..");
const PACKAGES = ["@bufbuild/protobuf", "@connectrpc/connect", "@connectrpc/connect-web"];
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".map": "application/json" };

async function importMap() {
  const sdk = JSON.parse(await readFile(path.join(SDK_DIR, "package.json"), "utf8"));
  const imports = { [sdk.name]: `/sdk/${sdk.exports["."].browser.replace(/^\.\/dist\/src\//, "")}` };
  for (const name of PACKAGES) {
    const pkg = JSON.parse(await readFile(path.join(SDK_DIR, "node_modules", name, "package.json"), "utf8"));
    for (const [sub, target] of Object.entries(pkg.exports)) {
      const file = typeof target === "string" ? target : (target.import ?? target.default);
      if (typeof file === "string") imports[name + sub.slice(1)] = `/node_modules/${name}/${file.replace(/^\.\//, "")}`;
    }
  }
  return { imports };
}

/** Maps a URL path to a file under one of the served roots, or undefined. */
function resolveFile(urlPath) {
  const roots = [["/sdk/", path.join(SDK_DIR, "dist", "src")]];
  for (const name of PACKAGES) roots.push([`/node_modules/${name}/`, path.join(SDK_DIR, "node_modules", name)]);
  roots.push(["/", HERE]);
  for (const [prefix, dir] of roots) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = path.resolve(dir, "." + path.posix.normalize("/" + urlPath.slice(prefix.length)));
    return file.startsWith(dir + path.sep) ? file : undefined;
  }
  return undefined;
}

function proxy(req, res, target) {
  const url = new URL(req.url, target);
  const upstream = http.request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on("error", (e) => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end(`proxy error: ${e.message}`);
  });
  req.pipe(upstream);
}

/**
 * Starts the server on 127.0.0.1:`port` (0 = a free port). `proxyTo`: the host's HTTP/1.1 URL to forward
 * gRPC-Web calls to (omit it when the page calls the host directly, cross-origin, through CORS).
 * Resolves to { url, close() }.
 */
export async function startServer({ port = 0, proxyTo } = {}) {
  const map = JSON.stringify(await importMap(), null, 2);
  const server = http.createServer(async (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (proxyTo && /^\/platform\.[\w.]+\/\w+$/.test(urlPath)) return proxy(req, res, proxyTo);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    const file = resolveFile(urlPath === "/" ? "/index.html" : urlPath);
    try {
      if (!file) throw new Error("outside the served roots");
      let body = await readFile(file);
      if (file === path.join(HERE, "index.html")) {
        body = body.toString("utf8").replace("<!--IMPORTMAP-->", `<script type="importmap">\n${map}\n</script>`);
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${urlPath}`);
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

// `node server.mjs [port] [hostUrl]`: serve the page by hand (open it in a browser with ?key=…&tenant=…).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await startServer({ port: Number(process.argv[2] ?? 0), proxyTo: process.argv[3] });
  console.log(`serving ${s.url}/${process.argv[3] ? ` (gRPC-Web proxied to ${process.argv[3]})` : ""}`);
}
