// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.queries.control.QueryUpdate;
import io.hark.schema.DeadLetter;
import io.hark.schema.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

class WatermarksTest {
    private final TimestampAssigner<Either<DeadLetter, Mention>> assigner =
            Watermarks.forIncomingMentions(
                            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(15))
                    .createTimestampAssigner(
                            new TimestampAssignerSupplier.Context() {
                                @Override
                                public org.apache.flink.metrics.MetricGroup getMetricGroup() {
                                    return new UnregisteredMetricsGroup();
                                }
                            });

    @Test
    void eventTimeIsCreatedAt() {
        Instant createdAt = Instant.now().minusSeconds(600);
        assertThat(assigner.extractTimestamp(Either.Right(TestMentions.mention(1, createdAt)), 42L))
                .isEqualTo(createdAt.toEpochMilli());
    }

    @Test
    void implausibleFutureTimestampsAndUndecodableRecordsKeepKafkasTimestamp() {
        Mention future = TestMentions.mention(2, Instant.now().plus(Duration.ofDays(365)));
        assertThat(assigner.extractTimestamp(Either.Right(future), 42L)).isEqualTo(42L);
        DeadLetter undecodable =
                DeadLetter.newBuilder()
                        .setStage("decode")
                        .setReason("undecodable")
                        .setDetail("d")
                        .setFailedAt(Instant.now())
                        .build();
        assertThat(assigner.extractTimestamp(Either.Left(undecodable), 43L)).isEqualTo(43L);
    }

    @Test
    void queryUpdatesNeverSetEventTimeTheyStandAside() {
        List<String> output = new ArrayList<>();
        WatermarkOutput recorder =
                new WatermarkOutput() {
                    @Override
                    public void emitWatermark(Watermark watermark) {
                        output.add("watermark " + watermark.getTimestamp());
                    }

                    @Override
                    public void markIdle() {
                        output.add("idle");
                    }

                    @Override
                    public void markActive() {
                        output.add("active");
                    }
                };
        var generator = Watermarks.forQueryUpdates().createWatermarkGenerator(null);
        generator.onEvent(new QueryUpdate("acme", "{}"), 1L, recorder);
        generator.onPeriodicEmit(recorder);
        assertThat(output).containsExactly("idle");
    }
}
