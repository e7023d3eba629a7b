// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.spam;

import static io.hark.nlp.spam.SpamSignal.HANDLE_STUFFING;
import static io.hark.nlp.spam.SpamSignal.HASHTAG_STUFFING;
import static io.hark.nlp.spam.SpamSignal.LINK_WITH_SPAM_VOCABULARY;
import static io.hark.nlp.spam.SpamSignal.SPAM_VOCABULARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpamTextTest {
    private static EnumSet<SpamSignal> signals(String text) {
        return SpamText.signals(text, List.of(), List.of(), List.of());
    }

    private static boolean isSpam(String text) {
        return SpamScore.isSpam(SpamScore.of(signals(text)));
    }

    @Test
    void pharmacySpamWithALinkIsSpamOnItsOwn() {
        String text = "Great post! buy levitra online without prescription http://x.co/abc";
        assertThat(signals(text)).containsExactly(LINK_WITH_SPAM_VOCABULARY);
        assertThat(isSpam(text)).isTrue();
    }

    @Test
    void aLinkFromThePlatformsEntitiesCounts() {
        assertThat(
                        SpamText.signals(
                                "claim your airdrop now",
                                List.of("https://x.co/a"),
                                List.of(),
                                List.of()))
                .containsExactly(LINK_WITH_SPAM_VOCABULARY);
    }

    @Test
    void vocabularyWithoutALinkIsNotSpamOnItsOwn() {
        String text = "I quit crypto, it cost me my savings";
        assertThat(signals(text)).containsExactly(SPAM_VOCABULARY);
        assertThat(isSpam(text)).isFalse();
    }

    @Test
    void foldsCaseAndAccentsInTheVocabulary() {
        assertThat(signals("ViÁgRa 50% OFF www.pills.example"))
                .containsExactly(LINK_WITH_SPAM_VOCABULARY);
        assertThat(signals("Hot SINGLES near you 😍")).containsExactly(SPAM_VOCABULARY);
    }

    @Test
    void ordinaryTweetsWithLinksAreNotSpam() {
        assertThat(
                        signals(
                                "Our summer collection is here! Free shipping on orders over $50 https://brand.example/summer"))
                .isEmpty();
        assertThat(
                        signals(
                                "We're giving away 3 pairs of sneakers, follow and RT to enter https://brand.example/win"))
                .isEmpty();
        assertThat(signals("Thanks @delta for rebooking me so fast https://t.co/abc")).isEmpty();
        assertThat(
                        signals(
                                "Great lecture on cryptography and a specialist Q&A https://uni.example/talk"))
                .isEmpty();
    }

    @Test
    void sixHashtagsAreStuffing() {
        assertThat(signals("new drop today #fashion #style #ootd #love #instagood #photooftheday"))
                .containsExactly(HASHTAG_STUFFING);
        assertThat(
                        signals(
                                "new drop in store today, come and see it #fashion #style #ootd #love #instagood"))
                .isEmpty();
    }

    @Test
    void hashtagsMakingUpMostOfAShortTextAreStuffing() {
        assertThat(signals("sunday #brunch #mimosas #friends")).containsExactly(HASHTAG_STUFFING);
        assertThat(signals("#tbt #summer")).isEmpty();
        assertThat(signals("so proud of the team tonight #goals #nba #finals")).isEmpty();
    }

    @Test
    void hashtagStuffingAloneIsNotSpam() {
        assertThat(isSpam("#follow #like #f4f #l4l #followback #instagood #photooftheday"))
                .isFalse();
    }

    @Test
    void theEntityListsCountWhenTheTextIsTruncated() {
        List<String> tags = List.of("a", "b", "c", "d", "e", "f");
        List<String> handles = List.of("a", "b", "c", "d", "e");
        assertThat(SpamText.signals("look at this…", null, tags, handles))
                .containsExactlyInAnyOrder(HASHTAG_STUFFING, HANDLE_STUFFING);
    }

    @Test
    void fiveHandlesAreStuffing() {
        assertThat(signals("@ann @bob @cid @dan @eve check this out"))
                .containsExactly(HANDLE_STUFFING);
        assertThat(signals("@ann @bob @cid @dan check this out")).isEmpty();
    }

    @Test
    void aRetweetPrefixDoesNotCountAsAHandle() {
        assertThat(signals("RT @news: @ann @bob @cid @dan check this out")).isEmpty();
    }

    @Test
    void nullAndBlankTextsHaveNoSignals() {
        assertThat(SpamText.signals(null, null, null, null)).isEmpty();
        assertThat(signals("   ")).isEmpty();
    }
}
