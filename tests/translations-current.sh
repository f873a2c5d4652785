#!/bin/sh
# The .ts files hold exactly the texts of the sources: lupdate, run on copies of them with the
# build's own project, changes nothing. Otherwise a new text (say, an option's description)
# stays English in French, and tst_translations, which reads the .ts files, cannot tell.
#   translations-current.sh <lupdate> <GenerateLUpdateProject.cmake> <project.cmake> <ts folder>
set -eu
lupdate=$1 generate=$2 project=$3 tsdir=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$tsdir"/*.ts "$tmp"/
sed "s|$tsdir/|$tmp/|g" "$project" > "$tmp/project.cmake"
cmake -DIN_FILE="$tmp/project.cmake" -DOUT_FILE="$tmp/project.json" -P "$generate"
"$lupdate" -project "$tmp/project.json" -locations none -no-obsolete -silent
status=0
for ts in "$tsdir"/*.ts; do
    diff -u "$ts" "$tmp/${ts##*/}" || status=1
done
[ "$status" -eq 0 ] || echo "translations-current: run 'cmake --build build --target update_translations' and translate what it adds"
exit "$status"
