#!/bin/sh
# Copy Chart.js from node_modules into this app's static files; the copies are committed so that a
# machine without npm serves the charts too. Re-vendor after changing the version in package.json:
#   npm install && npm run vendor
set -eu
cd "$(dirname "$0")/../.."
src=node_modules/chart.js
dest=cms/milestones/static/milestones/vendor/chartjs
test -f "$src/dist/chart.umd.js" || { echo "run 'npm install' first" >&2; exit 1; }
rm -rf "$dest"
mkdir -p "$dest"
cp "$src/dist/chart.umd.min.js" "$src/dist/chart.umd.min.js.map" "$dest/"
cp "$src/LICENSE.md" "$dest/LICENSE.md"
node -e "console.log(require('./$src/package.json').version)" > "$dest/VERSION"
echo "Chart.js $(cat "$dest/VERSION") copied to $dest"
