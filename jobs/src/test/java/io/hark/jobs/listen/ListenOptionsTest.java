// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListenOptionsTest {
    @Test
    void hasSensibleDefaults() {
        ListenOptions options = ListenOptions.parse(List.of(), Map.of());
        assertThat(options.kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(options.inputTopic()).isEqualTo("hark.mentions");
        assertThat(options.indices().mentionsAlias()).isEqualTo("hark-mentions");
        assertThat(options.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.bounded()).isFalse();
        assertThat(options.startingOffsets()).isEqualTo(io.hark.jobs.StartingOffsets.COMMITTED);
        assertThat(options.parallelism()).isNull();
        assertThat(options.groupId()).isEqualTo("hark-listen");
        assertThat(options.outOfOrderness()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.idleness()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.maxTextChars()).isEqualTo(ListenOptions.DEFAULT_MAX_TEXT_CHARS);
    }

    @Test
    void parsesValuesFlagsAndEqualsForm() {
        ListenOptions options =
                ListenOptions.parse(
                        List.of(
                                "--bootstrap",
                                "k:1",
                                "--bounded",
                                "--es=http://e:9200",
                                "--max-future",
                                "2h",
                                "--starting-offsets",
                                "earliest",
                                "--parallelism",
                                "3"),
                        Map.of());
        assertThat(options.kafka().bootstrapServers()).isEqualTo("k:1");
        assertThat(options.bounded()).isTrue();
        assertThat(options.elasticsearch().hosts())
                .extracting(Object::toString)
                .containsExactly("http://e:9200");
        assertThat(options.maxFuture()).isEqualTo(Duration.ofHours(2));
        assertThat(options.startingOffsets()).isEqualTo(io.hark.jobs.StartingOffsets.EARLIEST);
        assertThat(options.parallelism()).isEqualTo(3);
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertThatThrownBy(() -> ListenOptions.parse(List.of("--nope", "1"), Map.of()))
                .hasMessageContaining("unknown option --nope");
        assertThatThrownBy(() -> ListenOptions.parse(List.of("--parallelism", "zero"), Map.of()))
                .hasMessageContaining("--parallelism");
        assertThatThrownBy(() -> ListenOptions.parse(List.of("--max-future", "soon"), Map.of()))
                .hasMessageContaining("30s");
        assertThatThrownBy(() -> ListenOptions.parse(List.of("--es", "localhost"), Map.of()))
                .hasMessageContaining("http");
        assertThatThrownBy(() -> ListenOptions.parse(List.of("--index-prefix", "Hark"), Map.of()))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> ListenOptions.parse(List.of("--es-user", "elastic"), Map.of()))
                .hasMessageContaining("password");
    }

    @Test
    void secretsComeFromFilesOrTheEnvironmentAndStayOutOfToString(@TempDir Path dir)
            throws Exception {
        Path password = Files.writeString(dir.resolve("pw"), "s3cret-pw\n");
        ListenOptions fromFile =
                ListenOptions.parse(
                        List.of("--es-user", "elastic", "--es-password-file", password.toString()),
                        Map.of());
        assertThat(fromFile.elasticsearch().password()).isEqualTo("s3cret-pw");
        assertThat(fromFile.elasticsearch().toString())
                .doesNotContain("s3cret-pw")
                .contains("elastic");

        ListenOptions fromEnv =
                ListenOptions.parse(List.of(), Map.of("HARK_ES_API_KEY", "k3y-value"));
        assertThat(fromEnv.elasticsearch().apiKey()).isEqualTo("k3y-value");
        assertThat(fromEnv.elasticsearch().toString()).doesNotContain("k3y-value");
    }

    @Test
    void kafkaSecurityComesFromAPropertiesFileAndItsValuesStayOutOfToString(@TempDir Path dir)
            throws Exception {
        Path config =
                Files.writeString(
                        dir.resolve("client.properties"),
                        """
        security.protocol=SASL_SSL
        sasl.mechanism=SCRAM-SHA-512
        sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="hark" password="kafka-pw";
        """);
        ListenOptions options =
                ListenOptions.parse(List.of("--kafka-config", config.toString()), Map.of());
        assertThat(options.kafka().properties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(options.kafka().toString())
                .contains("sasl.jaas.config")
                .doesNotContain("kafka-pw");
    }

    @Test
    void elasticsearchCaCertificateMustBePem(@TempDir Path dir) throws Exception {
        Path pem =
                Files.writeString(
                        dir.resolve("ca.pem"),
                        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        ListenOptions options =
                ListenOptions.parse(
                        List.of("--es", "https://e:9200", "--es-ca-cert", pem.toString()),
                        Map.of());
        assertThat(options.elasticsearch().caCertificatePem()).isEqualTo(Files.readString(pem));

        Path notPem = Files.writeString(dir.resolve("ca.der"), "binary");
        assertThatThrownBy(
                        () ->
                                ListenOptions.parse(
                                        List.of("--es-ca-cert", notPem.toString()), Map.of()))
                .hasMessageContaining("--es-ca-cert")
                .hasMessageContaining("PEM");
    }

    @Test
    void usageListsEveryOption() {
        String usage = ListenOptions.usage();
        ListenOptions.OPTIONS.forEach(option -> assertThat(usage).contains("--" + option.name()));
    }
}
