#!/bin/sh
# Hark: real-time social listening on Kafka, Flink and Elasticsearch.
# Copyright (C) 2026 the Hark authors. GPL-3.0-or-later; see LICENSE.
#
# The `kibana-import` service of docker/docker-compose.yml: imports Hark's saved objects
# (data views, visualizations, dashboards), every *.ndjson file of the repository's
# kibana/ directory, mounted at KIBANA_OBJECTS_DIR. overwrite=true makes it idempotent and
# brings an edited dashboard in at the next `up`. No files, nothing done.
#
# Environment: KIBANA_URL (default http://kibana:5601), KIBANA_OBJECTS_DIR (default
# /work/kibana), ELASTIC_PASSWORD (the import runs as `elastic`; with Elasticsearch
# security off the credentials are ignored).
set -eu

kibana=${KIBANA_URL:-http://kibana:5601}
dir=${KIBANA_OBJECTS_DIR:-/work/kibana}

found=0
for f in "$dir"/*.ndjson; do
    [ -f "$f" ] && found=1 && break
done
if [ "$found" -eq 0 ]; then
    echo "kibana-import: no *.ndjson in $dir, nothing to import"
    exit 0
fi

# The service starts once Kibana reports healthy; this covers the moment after, when
# plugins may still be starting and the import API answers 503.
tries=0
until [ "$(curl -s -o /dev/null -w '%{http_code}' -u "elastic:${ELASTIC_PASSWORD:-}" "$kibana/api/status")" = "200" ]; do
    tries=$((tries + 1))
    [ "$tries" -lt 90 ] || { echo "kibana-import: Kibana at $kibana not available" >&2; exit 1; }
    sleep 2
done

status=0
for f in "$dir"/*.ndjson; do
    [ -f "$f" ] || continue
    response=$(curl -sS -u "elastic:${ELASTIC_PASSWORD:-}" \
        -X POST "$kibana/api/saved_objects/_import?overwrite=true" \
        -H 'kbn-xsrf: true' \
        --form "file=@$f") || { echo "kibana-import: $f: request failed" >&2; status=1; continue; }
    if printf '%s' "$response" | grep -q '"success":true'; then
        echo "kibana-import: imported $(basename "$f")"
    else
        echo "kibana-import: $(basename "$f") was not imported: $response" >&2
        status=1
    fi
done
exit "$status"
