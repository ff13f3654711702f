#!/usr/bin/env bash
# Measures the cold start of the window: the time from launching the app image's bin/Tracelens
# until its "Tracelens" window (WM_CLASS dev.tracelens.*) is mapped on the X display (xwininfo
# reports it viewable), polled
# every ~10 ms. Each run is a new JVM; run 1 uses a new, empty HOME (first start of a new user:
# JavaFX unpacks its native libraries, the store is created), the others reuse that HOME.
# Without a DISPLAY it runs itself under xvfb-run (Debian: apt-get install xvfb x11-utils).
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
times=()
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
  printf 'run %d (%s): %d.%03d s\n' "$i" "$label" $((ms / 1000)) $((ms % 1000))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$((${#sorted[@]} / 2))]}
printf 'median of %d runs: %d.%03d s, slowest %d.%03d s\n' "$runs" $((median / 1000)) $((median % 1000)) \
  $((sorted[-1] / 1000)) $((sorted[-1] % 1000))
