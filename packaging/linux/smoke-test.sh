#!/usr/bin/env bash
# Smoke test of the Linux app image: builds target/dist/Tracelens/ with the `package` profile
# (app image only, no .deb) and runs it the way a user without a JDK would: no JAVA_HOME, no JDK
# on the PATH. Checks that
#   - the jar integration tests (JarIT, SyncJarIT: scan, --version, sync against s3proxy) pass
#     when run through the image's bin/tracelens-cli, on its linked runtime;
#   - the bundled runtime (lib/runtime) is a Java 25 and is what the launcher loads;
#   - the launchers load the image's AOT cache (packaging/linux/aot-cache.sh);
#   - `tracelens-cli --version` prints "Tracelens <project version>";
#   - `tracelens-cli scan --format jsonl sample-logs` succeeds and prints tracebacks, the same
#     ones the plain jar prints on the build JDK (when that JDK is found);
#   - bin/Tracelens opens its window (under Xvfb when there is no display).
# Usage: packaging/linux/smoke-test.sh [--no-build]   (--no-build: test the existing image, no ITs)
# Exit 0 and a last line "N passed, 0 failed" when all is well. Takes about a minute.
set -uo pipefail
cd "$(dirname "$0")/../.."

image=target/dist/Tracelens
cli=$image/bin/tracelens-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { echo "ok   - $*"; passed=$((passed + 1)); }
fail() { echo "FAIL - $*"; failed=$((failed + 1)); }
finish() { echo "$passed passed, $failed failed"; [[ $failed -eq 0 ]]; exit; }

if [[ "${1:-}" != --no-build ]]; then
  # `verify` with the unit tests off: builds the app image in `package`, then failsafe runs the
  # jar integration tests through its launcher (-Dtracelens.launcher).
  echo "building the app image and running the jar integration tests through its launcher"
  if mvn -B -ntp -Ppackage verify -Dpackage.skipInstaller=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
      -Dtracelens.launcher="$(pwd)/$cli" >"$work/build.log" 2>&1; then
    ok "integration tests through bin/tracelens-cli: $(grep -E '^\[INFO\] Tests run: [0-9]+, Failures: 0' "$work/build.log" | tail -1 | sed 's/^\[INFO\] //')"
  else
    tail -60 "$work/build.log"
    fail "app image build or integration tests through bin/tracelens-cli"
    [[ -x $cli ]] || finish
  fi
else
  echo "skip - integration tests through the launcher (only when building)"
fi
[[ -x $cli && -x $image/bin/Tracelens ]] && ok "app image has bin/Tracelens and bin/tracelens-cli" \
  || { fail "no launchers in $image/bin"; finish; }

# The runtime in the image must be Java 25, and small enough (issue 7: image <= 150 MB).
if grep -q '^JAVA_VERSION="25' "$image/lib/runtime/release"; then
  ok "bundled runtime: $(grep '^JAVA_VERSION=' "$image/lib/runtime/release")"
else
  fail "bundled runtime is not Java 25: $(grep '^JAVA_VERSION=' "$image/lib/runtime/release" 2>&1)"
fi
size_mb=$(du -sm "$image" | cut -f1)
((size_mb <= 150)) && ok "app image is $size_mb MB (<= 150)" || fail "app image is $size_mb MB (> 150)"

# A user's environment without Java: empty PATH, no JAVA_HOME, no JDK options.
run_cli() { env -i HOME="$work" LANG=C.UTF-8 PATH="$work/empty" "$@"; }
mkdir -p "$work/empty"

# The JVM the launcher loads must come from the image (glibc logs every library it opens).
if run_cli LD_DEBUG=files "$cli" --version 2>&1 >/dev/null | grep 'file=.*/libjvm\.so' \
    | grep -q "file=$(pwd)/$image/lib/runtime/lib/server/libjvm.so"; then
  ok "the launcher runs the bundled JVM ($image/lib/runtime/lib/server/libjvm.so)"
else
  fail "the launcher did not load $image/lib/runtime/lib/server/libjvm.so"
fi

# The AOT cache (packaging/linux/aot-cache.sh) must be named by both launchers and load:
# -XX:AOTMode=on makes the JVM fail instead of starting without it.
if grep -q '^java-options=-XX:AOTCache=$APPDIR/tracelens.aot' "$image/lib/app/Tracelens.cfg" \
    && grep -q '^java-options=-XX:AOTCache=$APPDIR/tracelens.aot' "$image/lib/app/tracelens-cli.cfg" \
    && run_cli JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$cli" --version >/dev/null 2>"$work/aot.err"; then
  ok "the launchers use the AOT cache lib/app/tracelens.aot ($(($(stat -c %s "$image/lib/app/tracelens.aot") / 1000000)) MB)"
else
  fail "the AOT cache is missing or does not load: $(head -3 "$work/aot.err" 2>/dev/null)"
fi

# --version: "Tracelens <version>", the version of the pom.
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
out=$(run_cli "$cli" --version 2>&1)
rc=$?
if [[ $rc -eq 0 && "$out" == "Tracelens $version" ]]; then
  ok "tracelens-cli --version: $out"
else
  fail "tracelens-cli --version: exit $rc, printed '$out', expected 'Tracelens $version'"
fi

# The window launcher runs the same jar: given a command (an option here) it runs the CLI.
out=$(run_cli "$image/bin/Tracelens" --version 2>&1)
rc=$?
if [[ $rc -eq 0 && "$out" == "Tracelens $version" ]]; then
  ok "Tracelens --version (window launcher, CLI path): $out"
else
  fail "Tracelens --version: exit $rc, printed '$out', expected 'Tracelens $version'"
fi

# scan on the bundled sample archives: exit 0, one JSON traceback per line, no stack trace.
run_cli "$cli" scan --format jsonl sample-logs >"$work/scan.jsonl" 2>"$work/scan.err"
rc=$?
count=$(grep -c '^{"id":' "$work/scan.jsonl")
if [[ $rc -eq 0 && $count -gt 0 ]] && ! grep -q $'^\tat ' "$work/scan.err"; then
  ok "tracelens-cli scan sample-logs: $count tracebacks"
else
  fail "tracelens-cli scan sample-logs: exit $rc, $count tracebacks; stderr:"
  head -20 "$work/scan.err"
fi

# Same tracebacks as the plain jar on the build JDK: the image must not lose a module the
# engine needs (a missing one shows up as an error or as different output).
ref_java=${TRACELENS_REFERENCE_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
if [[ $rc -eq 0 && -x $ref_java && -f target/tracelens.jar ]]; then
  "$ref_java" -jar target/tracelens.jar scan --format jsonl sample-logs >"$work/ref.jsonl" 2>/dev/null
  if cmp -s "$work/ref.jsonl" "$work/scan.jsonl"; then
    ok "scan output equals the plain jar's on $ref_java"
  else
    fail "scan output differs from the plain jar's on $ref_java"
  fi
else
  echo "skip - comparison with the plain jar (no JDK 25 at $ref_java, or scan failed)"
fi

# The window: bin/Tracelens (a new user, first start) shows its "Tracelens" window.
if out=$(bash packaging/linux/measure-window-start.sh 1 "$image" 2>&1); then
  ok "bin/Tracelens opens its window: $(echo "$out" | head -1)"
else
  fail "bin/Tracelens did not open its window:"
  echo "$out" | head -20
fi

finish
