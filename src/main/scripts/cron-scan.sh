#!/bin/sh
# The one-shot drift scan for cron and CI, started fast: the jar is extracted once (Spring Boot's tools jar mode)
# and a class data sharing archive is trained at the first run, so later runs load classes from the archive.
#
#   src/main/scripts/cron-scan.sh path/to/nanoclaw-admin.jar --nanoclaw.install-root=/srv/nanoclaw [--format=json] [...]
#
# Exit codes are the scan command's: 0 aligned, 2 drift found, 1 the scan could not run.
# NANOCLAW_ADMIN_CACHE (default ~/.cache/nanoclaw-admin) holds the extracted jar and the archive, per jar version.
set -eu
jar=${1:?usage: cron-scan.sh path/to/nanoclaw-admin.jar [scan options]}
shift
cache=${NANOCLAW_ADMIN_CACHE:-${HOME:-/tmp}/.cache/nanoclaw-admin}
stamp=$(cksum < "$jar" | cut -d' ' -f1)
dir="$cache/$stamp"
if [ ! -f "$dir/ready" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >/dev/null
    touch "$dir/ready"
fi
app=$(ls "$dir"/app/*.jar | head -n 1)
flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if [ -f "$dir/scan.jsa" ]; then
    exec java $flags -XX:SharedArchiveFile="$dir/scan.jsa" -Xshare:auto -jar "$app" scan "$@"
fi
# The first run trains the archive while it scans (the JVM writes it at exit).
exec java $flags -XX:ArchiveClassesAtExit="$dir/scan.jsa" -jar "$app" scan "$@"
