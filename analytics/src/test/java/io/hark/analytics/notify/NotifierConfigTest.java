// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hark.schema.AlertState;
import io.hark.schema.StrictYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotifierConfigTest {
    private static final String SOURCE = "notifiers.yaml";
    private static final String SLACK_TOKEN = "s3cretSLACKtoken";
    private static final String ROUTING_KEY = "s3cretROUTINGkey";

    @TempDir Path dir;

    private final RecordingServer server;

    NotifierConfigTest() throws IOException {
        server = new RecordingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static List<String> described(List<Notifier> notifiers) {
        return notifiers.stream().map(Notifier::describe).toList();
    }

    private String port() {
        return String.valueOf(server.uri("/").getPort());
    }

    @Test
    void loadsGroupsWithSecretsFromTheEnvironmentAndFiles() throws IOException {
        Path routingKey = file("pd-airlines", ROUTING_KEY + "\n");
        Path yaml =
                file(
                        "notifiers.yaml",
                        """
        # notifiers per query group; "*" applies to every group (in addition)
        groups:
          airlines:
            - type: slack
              url_env: HARK_SLACK_AIRLINES
            - type: pagerduty
              routing_key_file: %s
          "*":
            - type: webhook
              url: http://alerts.internal/hark
        """
                                .formatted(routingKey));
        Map<String, String> environment =
                Map.of(
                        "HARK_SLACK_AIRLINES",
                        "https://hooks.slack.com/services/T0/B0/" + SLACK_TOKEN);

        NotifierConfig config = NotifierConfig.load(yaml, environment);

        assertThat(described(config.forGroup("airlines")))
                .containsExactly(
                        "slack https://hooks.slack.com/***",
                        "pagerduty https://events.pagerduty.com/v2/enqueue (routing key ***)",
                        "webhook http://alerts.internal/***");
        assertThat(described(config.forGroup("hotels")))
                .containsExactly("webhook http://alerts.internal/***");
        assertThat(described(config.forGroup(null)))
                .containsExactly("webhook http://alerts.internal/***");
        assertThat(described(config.forGroup("*")))
                .containsExactly("webhook http://alerts.internal/***");
        assertThat(config.toString())
                .startsWith("NotifierConfig[airlines: slack https://hooks.slack.com/***, pagerduty")
                .doesNotContain(SLACK_TOKEN, ROUTING_KEY);
    }

    @Test
    void notifiersFromTheFileDeliverToTheirSecretUrls() throws IOException {
        Path webhookUrl = file("webhook-url", server.uri("/from-file?token=abc") + "\n");
        NotifierConfig config =
                NotifierConfig.parse(
                        """
        groups:
          coffee:
            - type: slack
              url_env: SLACK_URL
            - type: webhook
              url_file: %s
        """
                                .formatted(webhookUrl),
                        SOURCE,
                        Map.of("SLACK_URL", server.uri("/from-env").toString()));

        for (Notifier notifier : config.forGroup("coffee")) {
            assertThat(notifier.deliver(TestAlerts.alert(AlertState.opened)).delivered()).isTrue();
        }
        assertThat(server.requests())
                .extracting(RecordingServer.Request::path)
                .containsExactly("/from-env", "/from-file?token=abc");
    }

    @Test
    void anEmptyFileHasNoNotifiers() {
        NotifierConfig config = NotifierConfig.parse("groups: {}", SOURCE, Map.of());

        assertThat(config.forGroup("airlines")).isEmpty();
    }

    @Test
    void aMissingFileCannotBeRead() {
        assertThatThrownBy(() -> NotifierConfig.load(dir.resolve("absent.yaml"), Map.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("absent.yaml");
    }

    static Stream<Arguments> mistakes() {
        String where = SOURCE + ": group 'airlines', notifier #1";
        return Stream.of(
                Arguments.of(
                        "groups:\n  airlines:\n    - type: slack\n      url_env: HARK_SLACK_MISSING\n",
                        where
                                + " (slack): url_env HARK_SLACK_MISSING: the environment variable is not set or empty"),
                Arguments.of(
                        "groups:\n  airlines:\n    - type: slack\n      url_env: HARK_EMPTY\n",
                        where
                                + " (slack): url_env HARK_EMPTY: the environment variable is not set or empty"),
                Arguments.of(
                        "groups:\n  airlines:\n    - type: pagerduty\n      routing_key_file: /nonexistent/pd-key\n",
                        where
                                + " (pagerduty): routing_key_file /nonexistent/pd-key: cannot read the file (NoSuchFileException)"),
                Arguments.of(
                        "groups:\n  airlines:\n    - type: teams\n      url_env: HARK_SLACK\n",
                        where + ": unknown type 'teams'; the types are webhook, slack, pagerduty"),
                Arguments.of(
                        "groups:\n  airlines:\n    - url_env: HARK_SLACK\n",
                        where + ": missing 'type'"),
                Arguments.of(
                        "groups:\n  airlines:\n    - type: slack\n      url_env: HARK_NOT_A_URL\n",
                        where + " (slack): url_env HARK_NOT_A_URL: not a valid URL"),
                Arguments.of(
                        "groups:\n  airlines:\n    - type: webhook\n      url: ftp://files.internal/hark\n",
                        where + " (webhook): url: not an http(s) URL with a host"),
                Arguments.of(
                        "groups:\n  airlines:\n    - type: slack\n      url: https://hooks.slack.com/services/T0/B0/"
                                + SLACK_TOKEN
                                + "\n",
                        where
                                + " (slack): 'url' is a secret, so it cannot be written in this file; give url_env or url_file"),
                Arguments.of(
                        "groups:\n  airlines:\n    - type: pagerduty\n      routing_key: "
                                + ROUTING_KEY
                                + "\n",
                        where
                                + " (pagerduty): 'routing_key' is a secret, so it cannot be written in this file; "
                                + "give routing_key_env or routing_key_file"),
                Arguments.of(
                        "groups:\n  airlines:\n    - type: slack\n      url_env: HARK_SLACK\n      url_file: /run/secrets/slack\n",
                        where + " (slack): give exactly one of url_env or url_file"),
                Arguments.of(
                        "groups:\n  airlines:\n    - type: webhook\n",
                        where + " (webhook): give exactly one of url or url_env or url_file"),
                Arguments.of(
                        "groups:\n  airlines:\n    - type: slack\n      url_env: HARK_SLACK\n      channel: '#ops'\n",
                        where
                                + " (slack): unknown key 'channel'; the keys are type, url, url_env, url_file, reports"),
                Arguments.of(
                        "groups:\n  airlines:\n    - type: slack\n      url_env: [HARK_SLACK]\n",
                        where + " (slack): 'url_env' must be a non-empty single value"),
                Arguments.of(
                        "groups:\n  airlines:\n    - slack\n",
                        where + ": expected a mapping with a type"),
                Arguments.of(
                        "groups:\n  airlines:\n    type: slack\n",
                        SOURCE + ": group 'airlines': expected a list of notifiers"),
                Arguments.of(
                        "notifiers: []\n", SOURCE + ": expected a 'groups' mapping at the top"),
                Arguments.of(
                        "groups: {}\ndelivery: fast\n",
                        SOURCE + ": unknown key 'delivery'; the keys are groups"),
                Arguments.of(
                        "groups:\n  airlines:\n    - type: slack\n      url_env: A\n      url_env: B\n",
                        SOURCE
                                + ": not valid YAML at line 5, column 14: Duplicate field 'url_env'"),
                Arguments.of(
                        "hook: &hook http://alerts.internal/hark\ngroups:\n  \"*\":\n    - type: webhook\n      url: *hook\n",
                        SOURCE
                                + ": not valid YAML at line 5, column 12: aliases (*hook) are not supported; write the value out"),
                // the top mapping, groups and the airlines list are 3 levels: the (MAX - 1)th "- "
                // goes one too deep
                Arguments.of(
                        "groups:\n  airlines:\n" + "    - ".repeat(StrictYaml.MAX_NESTING) + "x\n",
                        SOURCE
                                + ": not valid YAML at line 3, column "
                                + (6 * (StrictYaml.MAX_NESTING - 2) + 5)
                                + ": mappings and lists nest more than "
                                + StrictYaml.MAX_NESTING
                                + " deep"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void mistakesAreNamedByFileGroupAndEntry(String yaml, String message) {
        Map<String, String> environment =
                Map.of(
                        "HARK_SLACK", "https://hooks.slack.com/services/T0/B0/" + SLACK_TOKEN,
                        "HARK_EMPTY", " ",
                        "HARK_NOT_A_URL", "https://hooks slack " + SLACK_TOKEN);

        assertThatThrownBy(() -> NotifierConfig.parse(yaml, SOURCE, environment))
                .isInstanceOf(NotifierConfigException.class)
                .hasMessage(message);
    }

    @Test
    void anEmptySecretFileIsAMistake() throws IOException {
        Path empty = file("empty", "\n");

        assertThatThrownBy(
                        () ->
                                NotifierConfig.parse(
                                        "groups:\n  '*':\n    - type: webhook\n      url_file: "
                                                + empty
                                                + "\n",
                                        SOURCE,
                                        Map.of()))
                .hasMessage(
                        SOURCE
                                + ": group '*', notifier #1 (webhook): url_file "
                                + empty
                                + ": the file is empty");
    }

    @Test
    void invalidYamlIsReportedWithoutQuotingTheFile() {
        String yaml =
                "groups:\n  airlines:\n    - type: slack\n      url: \"https://hooks.slack.com/"
                        + SLACK_TOKEN
                        + "\n";

        assertThatThrownBy(() -> NotifierConfig.parse(yaml, SOURCE, Map.of()))
                .isInstanceOf(NotifierConfigException.class)
                .hasMessageStartingWith(SOURCE + ": not valid YAML at line 4")
                .hasMessageNotContaining(SLACK_TOKEN);
    }
}
