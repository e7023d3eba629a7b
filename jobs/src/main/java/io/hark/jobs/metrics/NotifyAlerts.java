// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.notify.DeliveryResult;
import io.hark.analytics.notify.Notifier;
import io.hark.analytics.notify.NotifierConfig;
import io.hark.jobs.Topics;
import io.hark.jobs.kafka.CheckedProducer;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.schema.Alert;
import io.hark.schema.DeadLetter;
import io.hark.schema.PlainJson;
import java.time.Instant;
import java.util.Properties;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each alert step to the notifiers of its query's group ({@link NotifierConfig}): webhooks,
 * Slack, PagerDuty. A delivery that fails after its retries becomes a dead letter (stage {@code
 * notify}) with the alert as its payload; replay alerts are never sent. Alerts are rare, so
 * deliveries run one after another on the task thread: a slow notifier delays the next alert, it
 * does not lose it. The pipeline runs this sink as a task of its own, so a slow notifier delays
 * nothing else.
 *
 * <p>The configuration travels with the job; the secrets it names are resolved where the sink runs.
 */
public class NotifyAlerts implements Sink<Alert> {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyAlerts.class);

    private final String notifiersYaml;
    private final String notifiersSource;
    private final KafkaConnection kafka;
    private final String deadLetterTopic;

    /**
     * @param notifiersYaml the notifiers file's content, or null to notify nobody
     */
    public NotifyAlerts(
            String notifiersYaml,
            String notifiersSource,
            KafkaConnection kafka,
            String deadLetterTopic) {
        this.notifiersYaml = notifiersYaml;
        this.notifiersSource = notifiersSource;
        this.kafka = kafka;
        this.deadLetterTopic = deadLetterTopic;
    }

    @Override
    public SinkWriter<Alert> createWriter(WriterInitContext context) {
        NotifierConfig config =
                notifiersYaml == null
                        ? null
                        : NotifierConfig.parse(notifiersYaml, notifiersSource, System.getenv());
        return new Writer(config);
    }

    private final class Writer implements SinkWriter<Alert> {
        private final NotifierConfig config;
        private CheckedProducer deadLetters;

        Writer(NotifierConfig config) {
            this.config = config;
        }

        @Override
        public void write(Alert alert, Context context) {
            if (config == null) {
                return;
            }
            for (Notifier notifier : config.forGroup(alert.getGroup())) {
                DeliveryResult result = notifier.deliver(alert);
                if (result.failed()) {
                    LOG.warn(
                            "Alert {} ({}) not delivered to {}: {}",
                            alert.getAlertId(),
                            alert.getState(),
                            notifier.describe(),
                            result.error());
                    deadLetter(alert, notifier, result);
                } else if (result.delivered()) {
                    LOG.info(
                            "Alert {} ({}) delivered to {}",
                            alert.getAlertId(),
                            alert.getState(),
                            notifier.describe());
                }
            }
        }

        private void deadLetter(Alert alert, Notifier notifier, DeliveryResult result) {
            if (deadLetters == null) {
                deadLetters =
                        new CheckedProducer(kafka, "hark-notify-dead-letters", new Properties());
            }
            deadLetters.send(
                    Topics.deadLetterRecord(
                            deadLetterTopic,
                            DeadLetter.newBuilder()
                                    .setPayloadText(PlainJson.toJson(alert))
                                    .setMentionId(alert.getAlertId())
                                    .setStage("notify")
                                    .setReason("not_delivered")
                                    .setDetail(
                                            notifier.describe()
                                                    + " after "
                                                    + result.attempts()
                                                    + " attempts: "
                                                    + result.error())
                                    .setFailedAt(Instant.now())
                                    .build()));
        }

        @Override
        public void flush(boolean endOfInput) {
            if (deadLetters != null) {
                deadLetters.flush();
            }
        }

        @Override
        public void close() {
            if (deadLetters != null) {
                deadLetters.close();
            }
        }
    }
}
