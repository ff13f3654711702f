#!/usr/bin/env bash
# Gives the app image an AOT cache (JDK 25: JEP 483, 514, 515), which halves the window's cold
# start (docs/PERFORMANCE.md, "Installers"). The JVM then maps the classes that starting the app
# loads, already parsed, verified and linked, from lib/app/tracelens.aot, instead of loading
# ~7,000 classes from the jars one by one.
#
# Run by `mvn -Ppackage package` after jpackage has made the app image and before the .deb is
# made from it. Three steps, all with the image's own launcher and runtime (a cache only works
# with the exact JVM and jars it was made with):
#   1. training: bin/Tracelens starts as a new user would (empty HOME: the store is created and
#      the sample logs are imported), recording which classes it loads
#      (-XX:AOTMode=record), until its window has been shown for a few seconds;
#   2. -XX:AOTMode=create writes the cache from that recording;
#   3. both launchers' .cfg get -XX:AOTCache=$APPDIR/tracelens.aot, and the runtime's default CDS
#      archive (14 MB, JDK classes only) goes: the cache holds those classes too.
# The JVM uses the cache only with the very jars it was made from, which it recognises by size and
# modification time. jpackage copies the image into the .deb with new times, so the jars get a
# fixed time here (JAR_TIME) that deb/postinst gives them back after installing. Where that is
# not the case (an image copied without its times), the launchers start without the cache,
# quietly (-Xlog:aot=off,cds=off), as fast as they would with no cache at all.
# The training needs a display: under no DISPLAY it runs itself under xvfb-run. Without Xvfb or
# xwininfo it leaves the image as it is (it still works, with the default CDS archive) and says so.
# Debian: apt-get install xvfb x11-utils libgtk-3-0.
#
# Usage: packaging/linux/aot-cache.sh [app image (default target/dist/Tracelens)]
set -euo pipefail
cd "$(dirname "$0")/../.."
image=${1:-target/dist/Tracelens}
cache=$image/lib/app/tracelens.aot
JAR_TIME=@1767225600 # 2026-01-01T00:00:00Z; the same in deb/postinst
say() { echo "aot-cache: $*"; }

[[ -x $image/bin/Tracelens ]] || { say "no app image at $image" >&2; exit 1; }
if [[ -z "${DISPLAY:-}" ]]; then
  if command -v xvfb-run >/dev/null; then
    exec xvfb-run -a -s "-screen 0 1600x1000x24" bash "$0" "$image"
  fi
  say "WARNING: no display and no xvfb-run: the image gets no AOT cache (the window starts nearly twice as slowly)." >&2
  exit 0
fi
if ! command -v xwininfo >/dev/null; then
  say "WARNING: no xwininfo (x11-utils): the image gets no AOT cache (the window starts nearly twice as slowly)." >&2
  exit 0
fi

touch -m -d "$JAR_TIME" "$image"/lib/app/*.jar "$image"/lib/app/lib/*.jar
# Run again on an image that has a cache: train without the old one.
sed -i '/^java-options=-XX:AOTCache=/d; /^java-options=-Xlog:aot=off,cds=off$/d' "$image"/lib/app/*.cfg

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/home"
conf=$work/tracelens.aotconf

# 1. Training. A new, empty HOME and no XDG folders: the builder's own store and settings stay
# untouched. The app is stopped with SIGTERM, which lets the JVM write the recording on exit.
say "training: starting bin/Tracelens as a new user"
env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME HOME="$work/home" \
  JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$conf" \
  "$image/bin/Tracelens" >"$work/training.log" 2>&1 &
pid=$!
shown=
for ((i = 0; i < 1200; i++)); do # up to 2 minutes on a loaded machine
  kill -0 "$pid" 2>/dev/null || break
  # GTK also makes an unmapped 10x10 "Tracelens" group leader: look for the real window.
  id=$(xwininfo -root -tree 2>/dev/null | awk '/"Tracelens": \("dev\.tracelens/ {print $1; exit}')
  if [[ -n $id ]] && xwininfo -id "$id" 2>/dev/null | grep -q IsViewable; then
    shown=yes
    break
  fi
  sleep 0.1
done
if [[ -z $shown ]]; then
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  say "training failed: the window did not show; its output:" >&2
  cat "$work/training.log" >&2
  exit 1
fi
# The first start's sample import and first groups list load right after the window shows.
sleep 4
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
[[ -s $conf ]] || { say "training wrote no recording; its output:" >&2; cat "$work/training.log" >&2; exit 1; }

# 2. The cache.
rm -f "$cache"
JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$conf -XX:AOTCache=$cache" \
  "$image/bin/Tracelens" >"$work/create.log" 2>&1 || true
[[ -s $cache ]] || { say "creating the cache failed:" >&2; cat "$work/create.log" >&2; exit 1; }

# 3. The launchers use it ($APPDIR: the launcher expands it to the image's lib/app/, wherever the
# image is).
for cfg in "$image"/lib/app/*.cfg; do
  sed -i 's|^\[JavaOptions\]$|&\njava-options=-XX:AOTCache=$APPDIR/tracelens.aot\njava-options=-Xlog:aot=off,cds=off|' "$cfg"
done
rm -f "$image/lib/runtime/lib/server/classes.jsa"

# The cache must be usable, or the JVM would print errors on every start: -XX:AOTMode=on fails
# instead of falling back.
if ! JAVA_TOOL_OPTIONS="-XX:AOTMode=on" "$image/bin/tracelens-cli" --version >"$work/check.log" 2>&1; then
  say "the new cache does not load:" >&2
  cat "$work/check.log" >&2
  exit 1
fi
say "$cache: $(($(stat -c %s "$cache") / 1000000)) MB"
