#!/bin/sh
# Hark: real-time social listening on Kafka, Flink and Elasticsearch.
# Copyright (C) 2026 the Hark authors. GPL-3.0-or-later; see LICENSE.
#
# Runs in the `build` stage of docker/Dockerfile, right after `mvn package`.
# It gathers what the runtime images need into one directory so that each
# runtime stage is a single COPY, and it fails loudly, naming the file, when
# the Maven build did not produce what the images expect (much easier to read
# than a COPY error about a missing path deep in a docker build log).
#
#   stage-artifacts.sh [REPO_DIR] [OUT_DIR]      (defaults: . and /out)
#
# Produces:
#   OUT_DIR/job/hark-jobs.jar    the shaded Flink job (Flink itself is provided by the image)
#   OUT_DIR/cli/lib/*.jar        hark-cli.jar and every jar of its runtime class path
#
# The CLI's class path is taken from cli/target/classpath.txt, the file the
# cli module writes at `package` for scripts/hark: the container then runs
# exactly the class path a developer runs, and no second Maven invocation (or
# copy of the CoreNLP models into every module's target/) is needed. Its
# entries point into the Maven repository, so this script must run in the same
# RUN step as Maven (the repository is a BuildKit cache mount, not an image
# layer).
set -eu

repo=${1:-.}
out=${2:-/out}

fail() {
    echo "stage-artifacts: $*" >&2
    exit 1
}

# --- the Flink job -----------------------------------------------------------
job_jar="$repo/jobs/target/hark-jobs.jar"
if [ ! -f "$job_jar" ]; then
    echo "stage-artifacts: jobs/target contains:" >&2
    ls -l "$repo/jobs/target" >&2 2>/dev/null || true
    fail "$job_jar not found: the jobs module must build its shaded jar as hark-jobs.jar (finalName hark-jobs)"
fi
mkdir -p "$out/job" "$out/cli/lib"
cp "$job_jar" "$out/job/hark-jobs.jar"

# --- the command line ----------------------------------------------------------
# The jar is hark-cli.jar or hark-cli-<version>.jar depending on the pom's
# finalName; either way it is copied as hark-cli.jar. Side artifacts are skipped.
cli_jar=""
for f in "$repo"/cli/target/hark-cli*.jar; do
    [ -f "$f" ] || continue
    case "$f" in
        *-sources.jar | *-javadoc.jar | *-tests.jar) continue ;;
    esac
    [ -z "$cli_jar" ] || fail "more than one CLI jar in cli/target: $cli_jar and $f"
    cli_jar=$f
done
[ -n "$cli_jar" ] || fail "no cli/target/hark-cli*.jar: did the cli module build?"
cp "$cli_jar" "$out/cli/lib/hark-cli.jar"

classpath_file="$repo/cli/target/classpath.txt"
[ -s "$classpath_file" ] ||
    fail "$classpath_file missing or empty: the cli module writes it at package (maven-dependency-plugin build-classpath)"

count=0
old_ifs=$IFS
IFS=':'
# shellcheck disable=SC2013 # the file is one line of ':'-separated paths, not words
for entry in $(cat "$classpath_file"); do
    IFS=$old_ifs
    entry=$(printf '%s' "$entry" | tr -d '\r\n')
    [ -n "$entry" ] || continue
    if [ -d "$entry" ]; then
        fail "class path entry $entry is a directory, not a jar (was a module compiled but not packaged?)"
    fi
    [ -f "$entry" ] || fail "class path entry $entry does not exist"
    name=$(basename "$entry")
    # Two artifacts with the same artifactId and version from different groups
    # would overwrite each other in a flat lib/: keep both.
    if [ -e "$out/cli/lib/$name" ]; then
        name="dup$count-$name"
    fi
    cp "$entry" "$out/cli/lib/$name"
    count=$((count + 1))
    IFS=':'
done
IFS=$old_ifs

[ "$count" -gt 0 ] || fail "$classpath_file lists no jars"
echo "stage-artifacts: job jar $(du -h "$out/job/hark-jobs.jar" | cut -f1), CLI $count dependency jars + hark-cli.jar"
