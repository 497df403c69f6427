#!/usr/bin/env bash
# Test ./postBuild (Binder/repo2docker) without Docker: run it on a copy of
# the repository with a throw-away HOME and a fake conda prefix whose bin/
# holds logging wrappers around the real java and mvn, then check that the
# jar was built with the prefix's tools.
#
#   tools/test_postbuild.sh            reuse ~/.m2/repository (fast, offline)
#   COLD=1 tools/test_postbuild.sh     empty Maven repository (downloads all)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REAL_REPO="${HOME}/.m2/repository"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# 1. A copy of the repository as repo2docker would see it (no build output).
mkdir -p "$TMP/repo" "$TMP/home" "$TMP/prefix/bin"
tar -C "$ROOT" --exclude=./target --exclude=./build --exclude=./.git -cf - . | tar -C "$TMP/repo" -xf -

# 2. The fake prefix: wrappers record that postBuild used them.
for tool in java mvn; do
  real="$(command -v "$tool")"
  printf '#!/bin/sh\necho "%s $*" >> "%s/prefix-calls.log"\nexec "%s" "$@"\n' \
    "$tool" "$TMP" "$real" > "$TMP/prefix/bin/$tool"
  chmod +x "$TMP/prefix/bin/$tool"
done

# 3. Run it the way repo2docker does: from the repo root, NB_PYTHON_PREFIX set.
opts="${MAVEN_OPTS:-}"
[ "${COLD:-0}" = 1 ] || opts="$opts -Dmaven.repo.local=$REAL_REPO"
(cd "$TMP/repo" && env -u CONDA_PREFIX HOME="$TMP/home" NB_PYTHON_PREFIX="$TMP/prefix" \
   MAVEN_OPTS="$opts" ./postBuild) > "$TMP/postbuild.log" 2>&1 || {
  tail -40 "$TMP/postbuild.log"; echo "FAIL: postBuild exited non-zero"; exit 1; }

# 4. Checks.
fail=0
check() { if eval "$2"; then echo "ok    $1"; else echo "FAIL  $1"; fail=1; fi; }
check "jar built"                   '[ -s "$TMP/repo/target/gated-memory-all.jar" ]'
check "mvn came from the prefix"    'grep -q "^mvn " "$TMP/prefix-calls.log"'
unzip -l "$TMP/repo/target/gated-memory-all.jar" > "$TMP/jar.txt" 2>/dev/null || true
check "jar holds XChart and ND4J"   'grep -q org/knowm/xchart/XYChart.class "$TMP/jar.txt" &&
                                     grep -q org/nd4j/linalg/factory/Nd4j.class "$TMP/jar.txt"'
check "conda env brings fonts"       'grep -qE "^ *- fontconfig" "$ROOT/environment.yml" &&
                                     grep -qE "^ *- fonts-conda-ecosystem" "$ROOT/environment.yml"'
check "HOME stayed the fake one"    '[ ! -e "$TMP/home/.m2/repository" ] || [ "${COLD:-0}" = 1 ]'
[ $fail = 0 ] && echo "postBuild test passed" || { tail -20 "$TMP/postbuild.log"; echo "postBuild test FAILED"; }
exit $fail
