#!/bin/sh
# Hark: real-time social listening on Kafka, Flink and Elasticsearch.
# Copyright (C) 2026 the Hark authors. GPL-3.0-or-later; see LICENSE.
#
# The `kafka-init` service of docker/docker-compose.yml: creates Hark's topics with the
# partition count the job's parallelism is sized for, instead of leaving them to broker
# auto-creation. Idempotent (--if-not-exists): every `docker compose up` runs it again.
# An existing topic keeps its partitions; see docker/README.md to add more.
#
# Environment:
#   KAFKA_BOOTSTRAP         default kafka:9092
#   HARK_TOPIC_PARTITIONS   default 4
#   HARK_TOPICS             default "hark.mentions hark.mentions.enriched hark.dead-letters hark.alerts"
set -eu

bootstrap=${KAFKA_BOOTSTRAP:-kafka:9092}
partitions=${HARK_TOPIC_PARTITIONS:-4}
topics=${HARK_TOPICS:-hark.mentions hark.mentions.enriched hark.dead-letters hark.alerts}
bin=/opt/kafka/bin

for topic in $topics; do
    "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" \
        --create --if-not-exists \
        --topic "$topic" \
        --partitions "$partitions" \
        --replication-factor 1
done

# The listening queries, the job's verdicts on them and analysts' sentiment labels: one partition,
# so updates apply in the order they were sent, and compacted, so the latest record per key stays
# for ever.
for topic in hark.queries hark.queries.status hark.sentiment-labels; do
    "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" \
        --create --if-not-exists \
        --topic "$topic" \
        --partitions 1 \
        --replication-factor 1 \
        --config cleanup.policy=compact
done

# Print what is there: the partition counts of topics that already existed may differ.
for topic in $topics; do
    "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --describe --topic "$topic" | head -n 1
done
echo "kafka-init: topics ready"
