#!/bin/sh
# Rewrites the Counts section of eval/data/events/README.md from the data (run from the repository root).
set -e
npx tsc -p tsconfig.json
node dist/eval/events-data.js --counts > /tmp/events-data-counts.md
node -e '
const fs = require("fs");
const p = "eval/data/events/README.md";
const s = fs.readFileSync(p, "utf8");
const a = s.indexOf("<!-- counts");
const b = s.indexOf("## Known weak spots");
const head = s.slice(a, s.indexOf("\n", a) + 1);
fs.writeFileSync(p, s.slice(0, a) + head + "\n" + fs.readFileSync("/tmp/events-data-counts.md", "utf8") + "\n" + s.slice(b));
'
