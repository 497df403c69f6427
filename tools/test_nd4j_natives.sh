#!/usr/bin/env bash
# Which ND4J native code the build picks for each kind of computer (pom.xml,
# profiles nd4j-natives-*), without that computer: Maven is run with os.name
# and os.arch set to the host's, offline (a classifier jar shares its POM
# with the plain jar, so no download is needed), and its dependency tree is
# checked. Maven's console library (jansi) calls Windows' Kernel32 when
# os.name says Windows, so Maven is started without it.
#
#   tools/test_nd4j_natives.sh        (needs ~/.m2 warm from one build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MH="$(mvn -v 2>/dev/null | sed -n 's/^Maven home: //p')"
[ -d "$MH/lib" ] || { echo "FAIL: cannot find Maven's home (mvn -v)"; exit 1; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
{ echo "main is org.apache.maven.cli.MavenCli from plexus.core"
  echo "set maven.conf default \${maven.home}/conf"
  echo "[plexus.core]"
  echo "load \${maven.conf}/logging"
  for j in "$MH"/lib/*.jar; do case "$(basename "$j")" in jansi*) ;; *) echo "load $(readlink -f "$j")" ;; esac; done
} > "$TMP/m2.conf"

# tree KEY OS_NAME OS_ARCH: Maven's dependency tree for that host, into $TMP/KEY.tree (KEY.log on failure).
tree() {
  java "-Dos.name=$2" "-Dos.arch=$3" -Dmaven.home="$MH" -Dclassworlds.conf="$TMP/m2.conf" \
       -Dmaven.multiModuleProjectDirectory="$ROOT" -cp "$MH"/boot/plexus-classworlds*.jar \
       org.codehaus.plexus.classworlds.launcher.Launcher -o -B -q -Dstyle.color=never \
       org.apache.maven.plugins:maven-dependency-plugin:3.6.1:tree -Dincludes=org.nd4j,org.bytedeco \
       -DoutputFile="$TMP/$1.tree" > "$TMP/$1.log" 2>&1
}

# The classifiers of ND4J's, OpenBLAS's and JavaCPP's jars in a tree, sorted.
classifiers() {
  grep -oE '(nd4j-native|nd4j-native-preset|openblas|javacpp):jar:[a-z0-9_-]+:' "$1" |
    sed -E 's/.*:jar:([^:]+):$/\1/' | grep -vE '^[0-9]' | sort -u | tr '\n' ' ' || true
}

HOSTS=("Linux|amd64|linux-x86_64" "Linux|aarch64|linux-arm64" "Mac OS X|x86_64|macosx-x86_64"
       "Mac OS X|aarch64|macosx-arm64" "Windows 11|amd64|windows-x86_64"
       "Linux|riscv64|" "FreeBSD|amd64|")     # the last two: none on Maven Central, so no ND4J natives
pids=()
for i in "${!HOSTS[@]}"; do
  IFS='|' read -r name arch _ <<<"${HOSTS[$i]}"
  tree "host$i" "$name" "$arch" & pids+=($!)      # Maven startups in parallel: the slow part
done
fail=0
for i in "${!HOSTS[@]}"; do
  IFS='|' read -r name arch want <<<"${HOSTS[$i]}"
  if ! wait "${pids[$i]}"; then echo "FAIL  $name / $arch: Maven failed"; tail -5 "$TMP/host$i.log"; fail=1; continue; fi
  got="$(classifiers "$TMP/host$i.tree")"; got="${got% }"
  if [ "$got" = "$want" ]; then echo "ok    $name / $arch -> ${got:-no ND4J natives}"
  else echo "FAIL  $name / $arch -> '$got', expected '$want'"; fail=1; fi
done

# Where the jar has no natives, Nd4jLstm says so clearly instead of failing obscurely: run it
# on this machine with ND4J's native jars left off the classpath.
if [ -d target/classes ]; then
  mvn -B -q -o -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$TMP/cp.txt" > "$TMP/mvn.log" 2>&1 || { tail "$TMP/mvn.log"; fail=1; }
  cp_without="target/classes:$(tr ':' '\n' < "$TMP/cp.txt" | grep -vE '/(nd4j-native|openblas|javacpp-platform)[^/]*$|javacpp-[0-9.]+-[a-z]' | paste -sd:)"
  mkdir -p "$TMP/probe"
  cat > "$TMP/probe/NoNatives.java" <<'JAVA'
public class NoNatives {
  public static void main(String[] a) {
    System.out.println("available=" + gated.model.Nd4jLstm.available());
    try {
      new gated.model.Nd4jLstm(gated.cell.LstmWeights.random(3, 4, new java.util.Random(1)));
      System.out.println("constructed");
    } catch (UnsupportedOperationException e) {
      System.out.println("message=" + e.getMessage());
    }
  }
}
JAVA
  javac -cp "$cp_without" -d "$TMP/probe" "$TMP/probe/NoNatives.java"
  out="$(java -cp "$TMP/probe:$cp_without" NoNatives 2>&1 || true)"
  if grep -q "^available=false" <<<"$out" && grep -q "native code is not available on this computer" <<<"$out" &&
     grep -q "Lstm computes the same forward pass" <<<"$out"; then
    echo "ok    without ND4J natives: Nd4jLstm.available() is false and the constructor explains why"
  else
    echo "FAIL  without ND4J natives: $out" | head -5; fail=1
  fi
fi
[ $fail = 0 ] && echo "ND4J natives test passed" || echo "ND4J natives test FAILED"
exit $fail
