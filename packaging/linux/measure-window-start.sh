#!/usr/bin/env bash
# Measures the cold start of the window: the time from launching the app image's bin/Tracelens
# until its "Tracelens" window (WM_CLASS dev.tracelens.*) is mapped on the X display (xwininfo
# reports it viewable), polled every ~10 ms, and then until its first frame is painted: the window
# is mapped black, and the menu bar at its top left turns non-black when JavaFX has drawn. That
# second poll takes a screenshot of the strip with ImageMagick's `import` (~80 ms a poll, so
# "painted" is late by up to one poll); without ImageMagick only "mapped" is measured.
# Each run is a new JVM; run 1 uses a new, empty HOME (first start of a new user: JavaFX unpacks
# its native libraries, the store is created, the sample logs are imported), the others reuse it.
# Without a DISPLAY it runs itself under xvfb-run (Debian: apt-get install xvfb x11-utils imagemagick).
# Usage: packaging/linux/measure-window-start.sh [runs (default 5)] [app image (default target/dist/Tracelens)]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
image=${2:-target/dist/Tracelens}

if [[ -z "${DISPLAY:-}" ]]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$runs" "$image"
fi
command -v xwininfo >/dev/null || { echo "needs xwininfo (apt-get install x11-utils)" >&2; exit 1; }
[[ -x $image/bin/Tracelens ]] || { echo "no app image at $image: mvn -Ppackage package -DskipTests" >&2; exit 1; }

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
now_ms() { echo $(($(date +%s%N) / 1000000)); }
secs() { printf '%d.%03d s' $(($1 / 1000)) $(($1 % 1000)); }
# The mean brightness of the window's top-left strip (the menu bar), 0 while it is black.
strip_mean() { import -window "$1" -crop 200x20+0+0 -format '%[fx:mean]' info: 2>/dev/null || true; }
paints=$(command -v import >/dev/null && echo yes || true)
times=()
painted_times=()
for ((i = 1; i <= runs; i++)); do
  start=$(now_ms)
  HOME=$home "$image/bin/Tracelens" >"$home/run-$i.log" 2>&1 &
  pid=$!
  shown=
  deadline=$((start + 60000))
  while kill -0 "$pid" 2>/dev/null && (($(now_ms) < deadline)); do
    # GTK also makes an unmapped 10x10 "Tracelens" group leader: look for the real window.
    id=$(xwininfo -root -tree 2>/dev/null | awk '/"Tracelens": \("dev\.tracelens/ {print $1; exit}')
    if [[ -n $id ]] && xwininfo -id "$id" 2>/dev/null | grep -q IsViewable; then
      shown=$(now_ms)
      break
    fi
    sleep 0.01
  done
  painted=
  if [[ -n $shown && -n $paints ]]; then
    while kill -0 "$pid" 2>/dev/null && (($(now_ms) < deadline)); do
      mean=$(strip_mean "$id")
      if [[ -n $mean && $mean != 0 ]]; then
        painted=$(now_ms)
        break
      fi
    done
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [[ -z $shown ]]; then
    echo "run $i: no window within 60 s (or the app exited); its output:" >&2
    cat "$home/run-$i.log" >&2
    exit 1
  fi
  ms=$((shown - start))
  times+=("$ms")
  label=$([[ $i -eq 1 ]] && echo "new profile" || echo "same profile")
  if [[ -n $painted ]]; then
    painted_times+=($((painted - start)))
    echo "run $i ($label): mapped $(secs "$ms"), painted $(secs $((painted - start)))"
  else
    echo "run $i ($label): mapped $(secs "$ms")"
  fi
done
summary() { # label, times...
  local label=$1
  shift
  local sorted=($(printf '%s\n' "$@" | sort -n))
  echo "$label: median of $# runs $(secs "${sorted[$(($# / 2))]}"), slowest $(secs "${sorted[-1]}")"
}
summary mapped "${times[@]}"
if ((${#painted_times[@]} == runs)); then
  summary painted "${painted_times[@]}"
fi
