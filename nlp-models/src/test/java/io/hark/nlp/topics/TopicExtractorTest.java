// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.nlp.entities.AnnotatedText;
import io.hark.nlp.entities.EntityRecognizer;
import io.hark.nlp.entities.NamedEntity;
import io.hark.nlp.entities.SocialTextAnnotator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicExtractorTest {

    private final SocialTextAnnotator annotator = SocialTextAnnotator.shared();
    private final EntityRecognizer recognizer =
            new EntityRecognizer(Map.of("Skyline Air", "BRAND"));
    private final TopicExtractor extractor = new TopicExtractor();

    private List<Topic> topicsOf(String text, List<String> hashtags) {
        AnnotatedText annotated = annotator.annotate(text); // one CoreNLP pass for both
        return extractor.extract(annotated, hashtags, recognizer.recognize(annotated));
    }

    @Test
    void ranksHashtagsThenEntitiesThenKeyphrases() {
        List<Topic> topics =
                topicsOf(
                        "Skyline Air lost my luggage in London again. The customer service desk was useless #BlueJetFail",
                        List.of("#TravelFail"));

        assertThat(topics)
                .extracting(Topic::key)
                .startsWith("travelfail", "bluejetfail", "skyline air", "london")
                .contains("luggage", "customer service desk");
        assertThat(topics).extracting(Topic::kind).isSortedAccordingTo(Enum::compareTo);
    }

    @Test
    void keyphrasesAreLemmatizedLowerCasedAndStopWorded() {
        assertThat(topicsOf("Delayed flights and lost bags. Great crew though!", null))
                .extracting(Topic::key)
                .contains("flight", "bag", "crew")
                .doesNotContain("great crew", "great");
    }

    @Test
    void keyphrasesStopAtEntityNames() {
        assertThat(topicsOf("skyline air customer service finally answered", null))
                .extracting(Topic::key)
                .containsExactly("skyline air", "customer service");
    }

    @Test
    void keyphrasesKeepAtMostThreeWords() {
        assertThat(
                        TopicExtractor.keyphrases(
                                annotator
                                        .annotate("The airport shuttle bus ticket machine broke.")
                                        .tokens()))
                .allSatisfy(p -> assertThat(p.split(" ")).hasSizeLessThanOrEqualTo(3))
                .contains("bus ticket machine");
    }

    @Test
    void handlesUrlsAndHashtagsAreNotKeyphrases() {
        assertThat(
                        TopicExtractor.keyphrases(
                                annotator
                                        .annotate("@SkylineAir https://t.co/x #Refund please")
                                        .tokens()))
                .isEmpty();
    }

    @Test
    void deduplicatesAcrossKinds() {
        List<Topic> topics =
                extractor.extract(
                        annotator.annotate("london london #London"),
                        List.of("london", "#LONDON"),
                        List.of(new NamedEntity("London", NamedEntity.LOCATION)));
        assertThat(topics).containsExactly(new Topic("london", Topic.Kind.HASHTAG));
    }

    @Test
    void hashtagKeyIsTheWholeTagLowerCased() {
        assertThat(TopicExtractor.hashtagKey("#BlueJetFail")).isEqualTo("bluejetfail");
        assertThat(TopicExtractor.hashtagKey("##x_1")).isEqualTo("x_1");
        assertThat(TopicExtractor.hashtagKey("#Fail!!")).isEqualTo("fail");
        assertThat(TopicExtractor.hashtagKey("#CaféCrème")).isEqualTo("cafécrème");
        assertThat(TopicExtractor.hashtagKey("#")).isNull();
        assertThat(TopicExtractor.hashtagKey(null)).isNull();
    }

    @Test
    void atMostEightTopics() {
        String text =
                "Lisbon Porto Madrid Paris Berlin Rome Amsterdam Brussels Vienna Prague trip planning checklist";
        assertThat(topicsOf(text, List.of("a", "b", "c")))
                .hasSizeLessThanOrEqualTo(TopicExtractor.MAX_TOPICS);
    }

    @Test
    void oddInputGivesFewOrNoTopics() {
        assertThat(topicsOf("", null)).isEmpty();
        assertThat(topicsOf("😀😀🔥🔥 \u200B\u202E\u0000", null)).isEmpty();
        assertThat(extractor.extract(null, null, null)).isEmpty();
        assertThat(topicsOf("x".repeat(1_000_000), List.of()))
                .hasSizeLessThanOrEqualTo(TopicExtractor.MAX_TOPICS);
    }
}
