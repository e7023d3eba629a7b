#!/bin/sh
# Hark: real-time social listening on Kafka, Flink and Elasticsearch.
# Copyright (C) 2026 the Hark authors. GPL-3.0-or-later; see LICENSE.
#
# The `es-setup` service of docker/docker-compose.yml: gives the built-in `kibana_system`
# user the password Kibana is configured with (KIBANA_PASSWORD). Kibana may not log in as
# `elastic` (a superuser), and kibana_system has no usable password until one is set:
# this is the step Elastic's own docker-compose example performs. It runs at every `up`,
# so changing KIBANA_PASSWORD in docker/.env takes effect at the next `up`.
#
# With ES_SECURITY=false there are no users: nothing to do.
#
# Environment: ES_URL (default http://elasticsearch:9200), ES_SECURITY, ELASTIC_PASSWORD,
# KIBANA_PASSWORD.
set -eu

es=${ES_URL:-http://elasticsearch:9200}

if [ "${ES_SECURITY:-true}" = "false" ]; then
    echo "es-setup: ES_SECURITY=false, Elasticsearch has no users to set up"
    exit 0
fi

[ -n "${ELASTIC_PASSWORD:-}" ] || { echo "es-setup: ELASTIC_PASSWORD is empty" >&2; exit 1; }
[ -n "${KIBANA_PASSWORD:-}" ] || { echo "es-setup: KIBANA_PASSWORD is empty" >&2; exit 1; }

# The service starts once Elasticsearch is healthy; this loop only covers a slow security
# index right after the first start.
tries=0
until curl -fsS -o /dev/null -u "elastic:$ELASTIC_PASSWORD" "$es/_security/_authenticate"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
        echo "es-setup: cannot authenticate as elastic at $es. If the data volume was created" >&2
        echo "es-setup: with another ELASTIC_PASSWORD, that older password is still the one in force" >&2
        echo "es-setup: (see docker/README.md, Passwords)." >&2
        exit 1
    fi
    sleep 2
done

# JSON-escape the password (backslashes, then double quotes).
escaped=$(printf '%s' "$KIBANA_PASSWORD" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')
curl -fsS -o /dev/null -u "elastic:$ELASTIC_PASSWORD" \
    -X POST "$es/_security/user/kibana_system/_password" \
    -H 'Content-Type: application/json' \
    --data-binary @- <<EOF
{"password":"$escaped"}
EOF
echo "es-setup: kibana_system password set"
