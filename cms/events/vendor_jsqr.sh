#!/bin/sh
# Copy jsQR (the QR decoder of the organisers' check-in page) from node_modules into this app's static
# files; the copy is committed so a machine without npm serves it too. Re-vendor after changing the
# version in package.json:  npm install && npm run vendor
set -eu
cd "$(dirname "$0")/../.."
src=node_modules/jsqr
dest=cms/events/static/events/vendor/jsqr
test -f "$src/dist/jsQR.js" || { echo "run 'npm install' first" >&2; exit 1; }
rm -rf "$dest"
mkdir -p "$dest"
cp "$src/dist/jsQR.js" "$src/LICENSE" "$dest/"
node -e "console.log(require('./$src/package.json').version)" > "$dest/VERSION"
echo "jsQR $(cat "$dest/VERSION") copied to $dest"
