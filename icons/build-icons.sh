#!/usr/bin/env bash
# Renders the Tracelens icon from its SVG sources into every file the platforms want.
# Run it after editing an SVG and commit the results: the Maven build only uses the
# generated files, so it needs none of these tools.
#   Debian/Ubuntu: sudo apt-get install librsvg2-bin imagemagick icnsutils
#   16 and 32 px come from tracelens-small.svg (drawn to the pixel grid), the rest from tracelens.svg.
set -euo pipefail
cd "$(dirname "$0")"

# Some machines put a stand-in `convert` first on PATH; use ImageMagick's own binary.
im=$(command -v magick || true)
[[ -n "$im" ]] || for c in /usr/bin/convert /usr/bin/convert-im6.q16; do [[ -x "$c" ]] && { im=$c; break; }; done
for tool in rsvg-convert png2icns "$im"; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool (see the header of $0)" >&2; exit 1; }
done

sizes=(16 32 48 64 128 256 512)
for s in "${sizes[@]}"; do
  src=tracelens.svg
  (( s <= 32 )) && src=tracelens-small.svg
  rsvg-convert -w "$s" -h "$s" "$src" -o "tracelens-$s.png"
done
# jpackage --icon on Linux and the desktop entry take one PNG; 256 px is what desktops scale from.
cp tracelens-256.png tracelens.png

# Windows: one .ico holding the sizes Explorer and the taskbar pick from.
"$im" tracelens-16.png tracelens-32.png tracelens-48.png tracelens-64.png tracelens-128.png \
  tracelens-256.png tracelens.ico
# macOS: .icns with the sizes png2icns supports (16, 32, 48, 128, 256, 512).
png2icns tracelens.icns tracelens-16.png tracelens-32.png tracelens-48.png tracelens-128.png \
  tracelens-256.png tracelens-512.png >/dev/null

# The .deb's menu icon: jpackage takes it from its resource dir, not from --icon, when it
# packages an existing app image.
cp tracelens-256.png ../packaging/linux/deb/Tracelens.png

# The window icons, loaded by the app from the class path.
res=../src/main/resources/dev/tracelens/ui/icons
mkdir -p "$res"
for s in "${sizes[@]}"; do cp "tracelens-$s.png" "$res/"; done
echo "icons written: $(ls tracelens-*.png tracelens.png tracelens.ico tracelens.icns | tr '\n' ' ')"
