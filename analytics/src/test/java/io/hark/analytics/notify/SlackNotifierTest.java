// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hark.schema.AlertState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackNotifierTest {
    private static final String WEBHOOK_PATH = "/services/T000/B000/s3cretXXXXXXXX";

    private final RecordingServer server;
    private final SlackNotifier notifier;

    SlackNotifierTest() throws IOException {
        server = new RecordingServer();
        notifier =
                new SlackNotifier(
                        Secret.of(server.uri(WEBHOOK_PATH).toString()),
                        new HttpDelivery(DeliverySettings.defaults()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode sent(AlertState state) {
        assertThat(notifier.deliver(TestAlerts.alert(state)).delivered()).isTrue();
        List<RecordingServer.Request> requests = server.requests();
        assertThat(requests.get(requests.size() - 1).path()).isEqualTo(WEBHOOK_PATH);
        return requests.get(requests.size() - 1).json();
    }

    /** Every text in {@code node}, however deeply nested. */
    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.path("text").isTextual()) {
            texts.add(node.get("text").asText());
        }
        node.forEach(child -> texts.addAll(texts(child)));
        return texts;
    }

    @Test
    void fallbackTextIsAOneLiner() {
        JsonNode message = sent(AlertState.opened);

        assertThat(message.get("text").asText())
                .isEqualTo(
                        "[HIGH] Acme Coffee: 412 negative mentions of Acme Coffee vs 80 expected (40–120) since 10:00 UTC");
    }

    @Test
    void headerSummaryAndFacts() {
        JsonNode blocks = sent(AlertState.escalated).get("blocks");

        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("HIGH · Acme Coffee");
        assertThat(blocks.get(1).get("text").get("text").asText())
                .startsWith("412 negative mentions of Acme Coffee");
        assertThat(texts(blocks.get(2).get("fields")))
                .containsExactly(
                        "*Signal*\nnegative_volume",
                        "*Window*\n2026-03-01 10:00–10:05 UTC",
                        "*Actual vs expected*\n412 vs 80 (normal 40–120)",
                        "*Severity*\nhigh",
                        "*State*\nescalated");
    }

    @Test
    void showsUpToThreeTopNegativePostsEscapedAndTruncated() {
        List<String> texts = texts(sent(AlertState.opened).get("blocks"));

        assertThat(texts)
                .contains(
                        "*beanhater* · reach 120,000\n>Burnt beans &amp; &lt;cold&gt; milk again\n<https://x.example/1|Open post>");
        String longPost =
                texts.stream()
                        .filter(text -> text.startsWith("*traveller*"))
                        .findFirst()
                        .orElseThrow();
        assertThat(longPost)
                .startsWith("*traveller* · reach 5,300\n>Four hours on the tarmac")
                .endsWith("…");
        assertThat(longPost.substring(longPost.indexOf('>') + 1)).hasSize(280);
        assertThat(texts).anyMatch(text -> text.startsWith("*kim*"));
        assertThat(texts).noneMatch(text -> text.contains("Fourth post"));
    }

    @Test
    void showsTermsHashtagsAndAuthors() {
        List<String> texts = texts(sent(AlertState.opened).get("blocks"));

        assertThat(texts)
                .contains(
                        "*Over-represented terms:* burnt ×4.2 · refund ×3.1\n*Over-represented hashtags:* #acmefail ×5",
                        "*Top authors:* beanhater (twitter, 120,000 followers, 3 posts)");
    }

    @Test
    void linksToKibana() {
        JsonNode blocks = sent(AlertState.updated).get("blocks");
        JsonNode actions = blocks.get(blocks.size() - 1);

        assertThat(actions.get("type").asText()).isEqualTo("actions");
        assertThat(actions.get("elements").get(0).get("url").asText())
                .isEqualTo(TestAlerts.KIBANA_URL);
        assertThat(actions.get("elements").get(0).get("text").get("text").asText())
                .isEqualTo("Open in Kibana");
    }

    @Test
    void leavesOutWhatTheAlertDoesNotHave() {
        notifier.deliver(
                TestAlerts.builder(AlertState.opened)
                        .setQueryName(null)
                        .setTopNegativePosts(List.of())
                        .setOverRepresentedTerms(List.of())
                        .setOverRepresentedHashtags(List.of())
                        .setTopAuthors(List.of())
                        .setKibanaUrl(null)
                        .build());
        JsonNode blocks = server.requests().get(0).json().get("blocks");

        assertThat(blocks)
                .extracting(block -> block.get("type").asText())
                .containsExactly("header", "section", "section");
        assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("HIGH · acme");
    }

    @Test
    void resolvedIsAShortMessage() {
        JsonNode message = sent(AlertState.resolved);

        assertThat(message.get("text").asText()).startsWith("Resolved: Acme Coffee: ");
        assertThat(message.get("blocks")).hasSize(1);
        assertThat(message.get("blocks").get(0).get("text").get("text").asText())
                .startsWith(":white_check_mark: *Resolved* · Acme Coffee\n412 negative mentions");
    }

    @Test
    void describesTheWebhookWithoutItsToken() {
        assertThat(notifier.describe())
                .isEqualTo("slack http://127.0.0.1:" + server.uri("/").getPort() + "/***")
                .doesNotContain("s3cret");
    }
}
