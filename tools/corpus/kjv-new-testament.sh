#!/usr/bin/env bash
# Regenerates src/main/resources/gated/text/kjv-new-testament.txt, the corpus of the
# character-level language model notebook (17), from Debian's packages:
#   bible-kjv-text  the King James Version text in the Bible Retrieval System's compressed format
#   bible-kjv       the `bible` program that prints it
# Nothing is installed: both .deb files are downloaded with `apt-get download` into a
# temporary folder and unpacked there. Needs Debian (or a derivative) with apt.
#
# Output: Matthew 1:1 to Revelation 22:21, pretty-printed by `bible` (a "Book chapter" heading
# line, each verse indented and numbered) and wrapped at 72 columns, without the first blank line.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/src/main/resources/gated/text/kjv-new-testament.txt"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
apt-get download bible-kjv bible-kjv-text >/dev/null
for deb in *.deb; do dpkg-deb -x "$deb" unpacked; done
unpacked/usr/bin/bible -p "$TMP/unpacked/usr/lib" -l 72 mt1:1-rev22:21 | sed '1{/^$/d}' > "$OUT"
echo "wrote $OUT: $(wc -c < "$OUT") bytes, $(wc -l < "$OUT") lines"
echo "versions: $(dpkg-deb -f bible-kjv-text_*.deb Version) (bible-kjv-text), $(dpkg-deb -f bible-kjv_*.deb Version) (bible-kjv)"
