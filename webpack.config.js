/* Build of the add-in: task pane (React) + custom functions (plain JS runtime) + metadata + manifest.
 *
 * Options (either `--env name=value` or an environment variable):
 *   officeJs=local | OFFICE_JS=local    load office.js from dist/office-js/ (demo, tests) instead of
 *                                        Microsoft's CDN (production default)
 *   publicUrl=https://host/path/ | PUBLIC_URL   rewrite https://localhost:3000/ in manifest.xml
 *   demo                                the browser demo instead (src/demo: the real task pane beside
 *                                        the simulated workbook), written to dist/demo/ or
 *                                        --env outDir=<dir>; `webpack serve --env demo` serves it
 *                                        over plain http on localhost:3000 (PORT or --port to change)
 */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
/**
 * The oldest webview the add-in supports: Safari 14 (Office on Mac on macOS 11), i.e. ES2020 syntax
 * without regex lookbehind. webpack's runtime and terser follow `target`, TypeScript `target`;
 * third-party code is not transpiled, so test/build/syntax.test.ts parses every emitted file.
 */
const SYNTAX_TARGET = "es2020";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCAL_OFFICE_JS = "office-js/office.js";
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const NAMES_RU = path.resolve(__dirname, "src/functions/names-ru.json");

/** Id of the Russian twin of a function: the same implementation registered under its Russian name. */
const RUSSIAN_ID_PREFIX = "RU.";
const russianId = (id) => `${RUSSIAN_ID_PREFIX}${id}`;

/**
 * One metadata file for every display language: each function generated from JSDoc (English name)
 * plus its Russian twin (id RU.<ID>, name and help from names-ru.json, keyed by the English id),
 * both associated with the same implementation (src/functions/functions.ts). Excel then knows both
 * names whatever its language, so the invariant formulas the add-in writes (=EDU.DYNAMICS(…)) never
 * turn into #NAME?, and Russian users still type =EDU.ДИНАМИКА(…). Returns the metadata, or the list
 * of problems (a build error).
 */
function addRussianTwins(metadata, namesRu) {
  const errors = [];
  const functions = Array.isArray(metadata && metadata.functions) ? metadata.functions : [];
  const ru = namesRu && typeof namesRu === "object" ? namesRu : {};
  const ids = new Set(functions.map((f) => f.id));
  // Names are case-insensitive in Excel: a Russian name must not repeat an English one either.
  const seenNames = new Map(functions.map((f) => [String(f.name).toUpperCase(), f.id]));
  const twins = [];
  for (const f of functions) {
    if (String(f.id).startsWith(RUSSIAN_ID_PREFIX)) {
      errors.push(`function ${f.id}: ids starting with "${RUSSIAN_ID_PREFIX}" are reserved for the Russian twins`);
      continue;
    }
    const entry = ru[f.id];
    if (!entry || typeof entry !== "object") {
      errors.push(`function ${f.id}: no Russian entry in names-ru.json`);
      continue;
    }
    // learn.microsoft.com, custom-functions-naming: a name starts with a letter, has at least three
    // characters, and uses letters, digits, "_" and ".".
    if (typeof entry.name !== "string" || !/^\p{L}[\p{L}\p{N}._]{2,}$/u.test(entry.name)) {
      errors.push(`function ${f.id}: Russian name ${JSON.stringify(entry.name)} must start with a letter, have at least three characters and contain only letters, digits, "." and "_"`);
    } else if (seenNames.has(entry.name.toUpperCase())) {
      errors.push(`function ${f.id}: Russian name ${entry.name} is already used by ${seenNames.get(entry.name.toUpperCase())}`);
    } else {
      seenNames.set(entry.name.toUpperCase(), f.id);
    }
    if (f.description && (typeof entry.description !== "string" || entry.description.trim() === "")) {
      errors.push(`function ${f.id}: no Russian description in names-ru.json`);
    }
    const ruParams = entry.parameters && typeof entry.parameters === "object" ? entry.parameters : {};
    const params = Array.isArray(f.parameters) ? f.parameters : [];
    for (const name of Object.keys(ruParams)) {
      if (!params.some((p) => p.name === name)) errors.push(`function ${f.id}: names-ru.json describes unknown parameter "${name}"`);
    }
    twins.push({
      ...f,
      id: russianId(f.id),
      name: typeof entry.name === "string" ? entry.name : f.name,
      description: typeof entry.description === "string" ? entry.description : f.description,
      parameters: params.map((p) => {
        const text = ruParams[p.name];
        if (p.description && (typeof text !== "string" || text.trim() === "")) {
          errors.push(`function ${f.id}: no Russian description of parameter "${p.name}" in names-ru.json`);
        }
        return typeof text === "string" ? { ...p, description: text } : p;
      }),
    });
  }
  for (const id of Object.keys(ru)) {
    if (!ids.has(id)) errors.push(`names-ru.json: "${id}" is not a custom function id in functions.json`);
  }
  return { metadata: { ...metadata, functions: [...functions, ...twins] }, errors };
}

/** The user guide (generated by src/cli/guide.ts): the manifest's SupportUrl and every function's helpUrl point into it. */
const GUIDE_PAGE = "help.html";
/** The id of a function's section in the guide: "fn-" and the English id in lower case (src/help/anchors.ts, the same rule). */
const functionAnchor = (id) => `fn-${String(id).replace(/^RU\./, "").toLowerCase()}`;

/**
 * Every function (English and Russian twin) gets a helpUrl to its section of the guide, on the same
 * base URL as the manifest (https://localhost:3000/ or the publicUrl the manifest is rewritten to).
 */
function addHelpUrls(metadata, baseUrl) {
  const functions = Array.isArray(metadata && metadata.functions) ? metadata.functions : [];
  return { ...metadata, functions: functions.map((f) => ({ ...f, helpUrl: `${baseUrl}${GUIDE_PAGE}#${functionAnchor(f.id)}` })) };
}

/** Adds the Russian twins (and every function's helpUrl) to functions.json right after custom-functions-metadata-plugin has emitted it. */
class RussianTwinsPlugin {
  constructor({ baseUrl }) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RussianTwinsPlugin", (compilation) => {
      compilation.fileDependencies.add(NAMES_RU);
      compilation.hooks.processAssets.tap(
        { name: "RussianTwinsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return; // metadata generation failed and reported its own error
          const fail = (message) => compilation.errors.push(new webpack.WebpackError(`functions.json (Russian names): ${message}`));
          let namesRu;
          try {
            namesRu = JSON.parse(fs.readFileSync(NAMES_RU, "utf8"));
          } catch (e) {
            fail(`cannot read ${path.relative(__dirname, NAMES_RU)}: ${e.message}`);
            return;
          }
          const { metadata, errors } = addRussianTwins(JSON.parse(asset.source.source().toString()), namesRu);
          if (errors.length > 0) {
            errors.forEach(fail);
            return;
          }
          const withHelp = addHelpUrls(metadata, this.baseUrl);
          compilation.updateAsset("functions.json", new webpack.sources.RawSource(JSON.stringify(withHelp, null, 2)));
        },
      );
    });
  }
}

/** The user guide as generated and tested (src/cli/guide.ts), its stylesheet and pictures: the add-in and the demo ship it. */
function guidePatterns() {
  return [
    { from: "src/taskpane/help.html", to: GUIDE_PAGE },
    { from: "src/taskpane/help.css", to: "help.css" },
    { from: "assets/screenshots/*.png", to: "assets/screenshots/[name][ext]" },
  ];
}

/** office.js and the files it fetches from its own folder, for builds that must not use the CDN. */
function localOfficeJsPatterns() {
  const from = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
  const files = [
    "office.js",
    "o15apptofilemappingtable.js",
    "custom-functions-runtime.js",
    "es6-promise.js",
    "excel-web-16.00.js",
    "excel-web-16.00-core.js",
    "excel-win32-16.01.js",
    "excel-win32-16.01-core.js",
    "excel-mac-16.00.js",
    "excel-mac-16.00-core.js",
    "en-us/office_strings.js",
    "ru-ru/office_strings.js",
  ];
  // Already minified by Microsoft: keep terser off them.
  return files.map((file) => ({ from: path.join(from, file), to: `office-js/${file}`, info: { minimized: true } }));
}

/**
 * @fluentui/react-context-selector imports `scheduler` as a peer dependency, which `.npmrc`'s
 * omit=peer leaves out of the top level; react-dom carries its own copy. Resolve it there when the
 * top level has none (the same version react-dom uses).
 */
function schedulerAlias() {
  try {
    require.resolve("scheduler");
    return {};
  } catch {
    const fromReactDom = require.resolve("scheduler/package.json", { paths: [path.dirname(require.resolve("react-dom/package.json"))] });
    return { scheduler: path.dirname(fromReactDom) };
  }
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    // ES modules out so webpack can tree-shake React and Fluent UI.
    options: { transpileOnly: true, compilerOptions: { module: "es2020", target: SYNTAX_TARGET, sourceMap: true } },
  },
};

/** The demo page: task pane + grid view of the simulated workbook (HyperFormula). Never shipped. */
function demoConfig(env, dev) {
  const port = Number(process.env.PORT) || 3000;
  return {
    name: "demo",
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-cheap-module-source-map" : false,
    target: ["web", SYNTAX_TARGET],
    stats: "errors-warnings",
    // quiet: switches off office.js's telemetry frame before the (large) demo bundle starts.
    entry: { quiet: "./src/demo/quietOffice.ts", demo: "./src/demo/index.tsx" },
    output: {
      path: env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist/demo"),
      filename: "[name].js",
      publicPath: "",
      clean: true,
    },
    performance: { hints: false },
    resolve: { extensions: [".ts", ".tsx", ".js"], alias: schedulerAlias() },
    module: { rules: [tsRule] },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/demo/demo.html", chunks: ["quiet", "demo"], chunksSortMode: "manual", templateParameters: { officeJsUrl: LOCAL_OFFICE_JS } }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }, ...guidePatterns(), ...localOfficeJsPatterns()] }),
    ],
    devServer: {
      port,
      host: "localhost",
      server: "http",
      static: false,
      hot: false,
      liveReload: true,
      client: { logging: "warn", overlay: { warnings: false } },
    },
  };
}

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (e) {
    console.warn(
      `Could not get trusted development certificates (office-addin-dev-certs: ${String(e.message).split("\n")[0]}).\n` +
        "Serving https with a self-signed certificate: Excel will not trust it until you run " +
        "`npx office-addin-dev-certs install` on this machine.",
    );
    return undefined;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  if (env.demo) return demoConfig(env, dev);
  const officeJsLocal = (env.officeJs || process.env.OFFICE_JS) === "local";
  const publicUrl = env.publicUrl || process.env.PUBLIC_URL;
  const baseUrl = publicUrl ? publicUrl.replace(/\/?$/, "/") : DEV_URL;
  if (!baseUrl.startsWith("https://")) throw new Error(`publicUrl must be an https URL, got ${publicUrl}`);

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    target: ["web", SYNTAX_TARGET],
    stats: dev ? "minimal" : "errors-warnings",
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      publicPath: "",
      globalObject: "globalThis",
      // dist/demo/ is the demo's own build (npm run demo:build).
      clean: { keep: /^demo\// },
    },
    // Entries stay whole (the shared runtime loads functions.js and taskpane.js by name); chunks the
    // pane loads on first use share their common modules instead of each carrying a copy.
    optimization: { runtimeChunk: false, splitChunks: { chunks: "async", minSize: 10000 } },
    performance: {
      hints: dev ? false : "warning",
      maxAssetSize: 500 * 1024,
      maxEntrypointSize: 500 * 1024,
      assetFilter: (file) => /\.js$/.test(file) && !file.startsWith("office-js/"),
    },
    resolve: { extensions: [".ts", ".tsx", ".js"], alias: schedulerAlias() },
    module: { rules: [tsRule] },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new RussianTwinsPlugin({ baseUrl }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the task pane page also registers the custom functions.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJsUrl: officeJsLocal ? LOCAL_OFFICE_JS : CDN_OFFICE_JS },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          ...guidePatterns(),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_URL).join(baseUrl),
          },
          ...(officeJsLocal ? localOfficeJsPatterns() : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE ? { type: "https", options: await httpsOptions() } : "https",
      static: false,
      client: { logging: "warn" },
    },
  };
};

module.exports.addRussianTwins = addRussianTwins;
module.exports.addHelpUrls = addHelpUrls;
module.exports.DEV_URL = DEV_URL;
module.exports.GUIDE_PAGE = GUIDE_PAGE;
module.exports.SYNTAX_TARGET = SYNTAX_TARGET;
module.exports.RUSSIAN_ID_PREFIX = RUSSIAN_ID_PREFIX;
