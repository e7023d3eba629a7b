#!/bin/sh
# Hark: real-time social listening on Kafka, Flink and Elasticsearch.
# Copyright (C) 2026 the Hark authors. GPL-3.0-or-later; see LICENSE.
#
# The `job-submit` and `metrics-submit` services of docker/docker-compose.yml: submit one
# Hark job (the listen job or the metrics job) to the session cluster (the `jobmanager`
# service), detached, then exit.
#
# It is safe to run again (every `docker compose up` does):
#   - if the cluster already runs a job of this name, nothing is submitted (a second copy
#     would read the same topic and write everything twice);
#   - otherwise the job resumes from the newest retained checkpoint or savepoint of this
#     job on the shared /flink-data volume (each job checkpoints under its own name), so `down` + `up` (or a JobManager restart, which loses the
#     job in a non-HA session cluster) continues where it stopped instead of starting
#     over. Set HARK_RESTORE=none to start fresh, or HARK_RESTORE=<path> to choose.
#
# Environment (all optional except the password when Elasticsearch security is on):
#   FLINK_REST_URL          JobManager REST endpoint          default http://jobmanager:8081
#   HARK_JOB_JAR            the job jar                       default /opt/flink/usrlib/hark-jobs.jar
#   HARK_JOB_NAME           hark-listen or hark-metrics       default hark-listen
#   HARK_JOB_CLASS          its main class                    default: the one of HARK_JOB_NAME
#   HARK_BOOTSTRAP          Kafka, inside the network         default kafka:9092
#   HARK_ES_URL             Elasticsearch                     default http://elasticsearch:9200
#   HARK_ES_USER            Elasticsearch user                default elastic
#   ELASTIC_PASSWORD        its password (written to a private file, passed as --es-password-file)
#   HARK_GROUP_ID           Kafka consumer group              default hark-listen
#   HARK_PARALLELISM        job parallelism                   default 2
#   HARK_CHECKPOINT_INTERVAL  e.g. 30s (job default when empty)
#   HARK_RESTORE            auto | none | <checkpoint or savepoint path>   default auto
#   HARK_QUERIES            listen job: YAML file of listening queries the query topic is made
#                           to hold before the job starts (empty: leave the topic as it is)
#                           default /opt/hark/examples/queries.yaml, the sample brands' queries
#   HARK_JOB_ARGS           extra job options, appended as they are (word-split)
#   HARK_WAIT_SECONDS       how long to wait for a TaskManager  default 300
set -eu

rest=${FLINK_REST_URL:-http://jobmanager:8081}
jar=${HARK_JOB_JAR:-/opt/flink/usrlib/hark-jobs.jar}
job_name=${HARK_JOB_NAME:-hark-listen}
case "$job_name" in
    hark-listen) default_class=io.hark.jobs.listen.ListenJob ;;
    hark-metrics) default_class=io.hark.jobs.metrics.MetricsJob ;;
    *) default_class= ;;
esac
main_class=${HARK_JOB_CLASS:-$default_class}
bootstrap=${HARK_BOOTSTRAP:-kafka:9092}
es_url=${HARK_ES_URL:-http://elasticsearch:9200}
es_user=${HARK_ES_USER:-elastic}
group_id=${HARK_GROUP_ID:-hark-listen}
parallelism=${HARK_PARALLELISM:-2}
checkpoint_interval=${HARK_CHECKPOINT_INTERVAL:-}
queries=${HARK_QUERIES-/opt/hark/examples/queries.yaml}
restore=${HARK_RESTORE:-auto}
wait_seconds=${HARK_WAIT_SECONDS:-300}
data_dir=${HARK_FLINK_DATA:-/flink-data}

# host and port of the REST endpoint, for the `flink run` client
rest_hostport=${rest#*://}
rest_hostport=${rest_hostport%%/*}
rest_host=${rest_hostport%%:*}
rest_port=${rest_hostport##*:}
[ "$rest_port" != "$rest_hostport" ] || rest_port=8081

log() { echo "job-submit: $*"; }
fail() {
    echo "job-submit: $*" >&2
    exit 1
}

[ -f "$jar" ] || fail "job jar $jar not found (was the image built with --target job?)"
[ -n "$main_class" ] || fail "unknown HARK_JOB_NAME $job_name: set HARK_JOB_CLASS too"

# 1. A TaskManager must have registered: the JobManager being healthy is not enough, and a
#    job submitted to a cluster without slots waits and then fails on a slot timeout.
waited=0
while :; do
    overview=$(curl -fsS "$rest/overview" 2>/dev/null || true)
    taskmanagers=$(printf '%s' "$overview" | sed -n 's/.*"taskmanagers":\([0-9][0-9]*\).*/\1/p')
    if [ -n "$taskmanagers" ] && [ "$taskmanagers" -gt 0 ]; then
        log "$taskmanagers TaskManager(s) registered"
        break
    fi
    [ "$waited" -lt "$wait_seconds" ] || fail "no TaskManager registered at $rest after ${wait_seconds}s"
    sleep 2
    waited=$((waited + 2))
done

# 2. Already running? Then there is nothing to do. The overview lists one flat JSON object
#    per job; grep -o splits them.
jobs=$(curl -fsS "$rest/jobs/overview") || fail "cannot list jobs at $rest/jobs/overview"
if printf '%s' "$jobs" | grep -o '{[^{}]*}' | grep -F "\"name\":\"$job_name\"" \
    | grep -Eq '"state":"(INITIALIZING|CREATED|RUNNING|RESTARTING|RECONCILING|FAILING|CANCELLING)"'; then
    log "$job_name is already running on the cluster, not submitting another:"
    printf '%s\n' "$jobs"
    exit 0
fi

# 3. Where to resume from.
restore_args=""
case "$restore" in
    none | "")
        log "HARK_RESTORE=none: starting without state"
        ;;
    auto)
        # Newest _metadata of a retained checkpoint (<dir>/<job id>/chk-<n>/) or of a
        # savepoint (<dir>/savepoint-*/); ls -t sorts by modification time. Flink names
        # these directories itself (hex ids, chk-<n>), so ls output is safe to read here.
        # shellcheck disable=SC2012
        latest=$(ls -1t "$data_dir/checkpoints/$job_name"/*/chk-*/_metadata "$data_dir/savepoints/$job_name"/*/_metadata 2>/dev/null | head -n 1 || true)
        if [ -n "$latest" ]; then
            restore_path=$(dirname "$latest")
            log "resuming from $restore_path"
            # -n (allowNonRestoredState): a new version of the job that dropped an operator
            # can still start from the old state.
            restore_args="-s file://$restore_path -n"
        else
            log "no retained checkpoint or savepoint under $data_dir: starting without state"
        fi
        ;;
    *)
        log "resuming from $restore"
        restore_args="-s $restore -n"
        ;;
esac

# 4. The password goes to the job as a file, not as an argument: program arguments are
#    shown by `ps` and in the Flink web UI. `flink run` runs the job's main() here, in this
#    container, which is where the job reads it.
password_args=""
if [ -n "${ELASTIC_PASSWORD:-}" ]; then
    password_file=$(mktemp)
    trap 'rm -f "$password_file"' EXIT
    chmod 600 "$password_file"
    printf '%s' "$ELASTIC_PASSWORD" >"$password_file"
    password_args="--es-user $es_user --es-password-file $password_file"
fi

interval_args=""
[ -z "$checkpoint_interval" ] || interval_args="--checkpoint-interval $checkpoint_interval"

# 5. The job syncs the query topic to this file at start: only what differs is sent, so
#    queries the file leaves unchanged keep running untouched.
queries_args=""
if [ -n "$queries" ] && [ "$job_name" = hark-listen ]; then
    [ -f "$queries" ] || fail "HARK_QUERIES file $queries not found"
    queries_args="--queries $queries"
fi

log "submitting $job_name ($main_class) from $jar (parallelism $parallelism)"
# The unquoted *_args expand to separate words on purpose; none of them contains spaces.
# The cluster's address is given with -D as well as in FLINK_PROPERTIES (compose file): the
# image's own conf/config.yaml says rest.address 0.0.0.0, useless to a client.
# shellcheck disable=SC2086
flink run --detached \
    -Drest.address="$rest_host" \
    -Drest.port="$rest_port" \
    -Dexecution.checkpointing.dir="file://$data_dir/checkpoints/$job_name" \
    -Dexecution.checkpointing.savepoint-dir="file://$data_dir/savepoints/$job_name" \
    --class "$main_class" \
    --parallelism "$parallelism" \
    $restore_args \
    "$jar" \
    --bootstrap "$bootstrap" \
    --es "$es_url" \
    $password_args \
    $queries_args \
    --group-id "$group_id" \
    --parallelism "$parallelism" \
    $interval_args \
    ${HARK_JOB_ARGS:-}

log "submitted; Flink web UI: http://localhost:8081"
