// Validates GeoJSON files with @placemarkio/check-geojson (the validator
// geojson.io uses). Usage: node check-geojson.js FILE...
// Prints every issue and exits 1 if any file has one.
"use strict";
const fs = require("fs");
const { getIssues } = require("@placemarkio/check-geojson");

let bad = 0;
for (const file of process.argv.slice(2)) {
  const issues = getIssues(fs.readFileSync(file, "utf8"));
  for (const i of issues) {
    console.log(`${file}: ${i.severity || "error"}: ${i.message} (${i.from}-${i.to})`);
  }
  if (issues.length > 0) bad += 1;
}
process.exit(bad > 0 ? 1 : 0);
