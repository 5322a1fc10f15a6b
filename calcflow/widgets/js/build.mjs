// Builds each widget's files in calcflow/widgets/static/ from the sources beside this file, with esbuild (pinned in
// package.json):
//   static/<widget>.js   one self-contained ES module: js/<widget>.js with the js/shared/ modules it imports, bundled.
//                        anywidget's _esm in JupyterLab; inlined into static pages by calcflow.publish.widget_code.
//   static/<widget>.css  its style sheet: css/<widget>.css, then the shared sheets it uses (css/shared/), joined.
// The built files are committed, so that installing calcflow needs no Node.js.
//
//   node calcflow/widgets/js/build.mjs           write them (make widgets)
//   node calcflow/widgets/js/build.mjs --check   fail, naming the files, if a committed one differs from a fresh
//                                                build (part of make lint)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const SOURCES = dirname(fileURLToPath(import.meta.url));
const WIDGETS = dirname(SOURCES);
const STATIC = join(WIDGETS, "static");
// Each widget's style sheets, in cascade order: its own rules first, then the shared ones (present.css last, so that
// presentation mode overrides the layout).
const STYLES = {
  explorer: ["explorer.css", "shared/widget.css", "shared/flowchart.css", "shared/present.css"],
  caseplayer: ["caseplayer.css", "shared/widget.css", "shared/flowchart.css", "shared/present.css"],
  quiz: ["quiz.css", "shared/widget.css"],
  reader: ["reader.css", "shared/widget.css", "shared/present.css"],
  progress: ["progress.css", "shared/widget.css"],
};
/** @param {string} source */
const banner = (source) => `calcflow/widgets/static: built from ${source} by calcflow/widgets/js/build.mjs — `
  + "do not edit; edit the sources and run `make widgets`";

// Paths in esbuild's comments are relative to calcflow/widgets/, whatever the working directory.
const COMMON = { bundle: true, write: false, absWorkingDir: WIDGETS, logLevel: "warning", legalComments: "none" };

/** @returns {Promise<Map<string, string>>} file name in static/ → its content */
async function build() {
  const files = new Map();
  for (const [widget, sheets] of Object.entries(STYLES)) {
    const js = await esbuild.build({
      ...COMMON, entryPoints: [join(SOURCES, `${widget}.js`)], outfile: join(STATIC, `${widget}.js`),
      format: "esm", target: "es2020", banner: { js: `// ${banner(`js/${widget}.js`)}` },
    });
    // The style sheets are joined as they are (comments and all): they import nothing.
    const css = sheets.map((sheet) => readFileSync(join(WIDGETS, "css", sheet), "utf8").trim()).join("\n\n");
    files.set(`${widget}.css`, `/* ${banner(sheets.map((sheet) => `css/${sheet}`).join(", "))} */\n${css}\n`);
    for (const output of js.outputFiles) files.set(relative(STATIC, output.path), output.text);
  }
  return files;
}

/** @param {string} name */
function committed(name) {
  try {
    return readFileSync(join(STATIC, name), "utf8");
  } catch {
    return null;
  }
}

const files = await build();
if (process.argv.includes("--check")) {
  const stale = [...files].filter(([name, text]) => committed(name) !== text).map(([name]) => name);
  const extra = readdirSync(STATIC).filter((name) => !files.has(name));
  if (stale.length || extra.length) {
    console.error(`calcflow/widgets/static/ is not what the sources build: ${[...stale, ...extra].join(", ")} `
      + `${stale.length ? "differ" : ""}${stale.length && extra.length ? "; " : ""}`
      + `${extra.length ? `${extra.join(", ")} are not built from any source` : ""}. Run \`make widgets\` and commit.`);
    process.exit(1);
  }
  console.log(`calcflow/widgets/static/: ${files.size} files, each equal to a fresh build`);
} else {
  for (const [name, text] of files) writeFileSync(join(STATIC, name), text);
  console.log(`calcflow/widgets/static/: wrote ${[...files.keys()].join(", ")}`);
}
