#!/bin/sh
# Hark: real-time social listening on Kafka, Flink and Elasticsearch.
# Copyright (C) 2026 the Hark authors. GPL-3.0-or-later; see LICENSE.
#
# The `hark` command inside the CLI image (installed as /opt/hark/bin/hark and
# used as the image's entrypoint). It is scripts/hark for a container: the
# same main class, with the class path the build stage copied into
# /opt/hark/lib instead of one read from cli/target/classpath.txt.
#
# JAVA_OPTS is word-split on purpose so that several JVM flags can be given,
# e.g. JAVA_OPTS="-Xmx2g -XX:+UseG1GC".
set -eu

HARK_HOME=${HARK_HOME:-/opt/hark}

# shellcheck disable=SC2086 # JAVA_OPTS holds several flags
exec java ${JAVA_OPTS:-} -cp "$HARK_HOME/lib/*" io.hark.cli.Hark "$@"
