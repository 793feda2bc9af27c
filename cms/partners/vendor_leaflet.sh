#!/bin/sh
# Copy Leaflet from node_modules into this app's static files; the copies are committed so that a
# machine without npm serves the map too. Re-vendor after changing the version in package.json:
#   npm install && npm run vendor
set -eu
cd "$(dirname "$0")/../.."
src=node_modules/leaflet
dest=cms/partners/static/partners/vendor/leaflet
test -f "$src/dist/leaflet.js" || { echo "run 'npm install' first" >&2; exit 1; }
rm -rf "$dest"
mkdir -p "$dest/images"
cp "$src/dist/leaflet.js" "$src/dist/leaflet.js.map" "$src/dist/leaflet.css" "$dest/"
cp "$src/dist/images/"*.png "$dest/images/"
cp "$src/LICENSE" "$dest/LICENSE"
node -e "console.log(require('./$src/package.json').version)" > "$dest/VERSION"
echo "Leaflet $(cat "$dest/VERSION") copied to $dest"
