// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.spam;

import static io.hark.nlp.spam.SpamSignal.COPY_PASTE;
import static io.hark.nlp.spam.SpamSignal.HANDLE_STUFFING;
import static io.hark.nlp.spam.SpamSignal.HASHTAG_STUFFING;
import static io.hark.nlp.spam.SpamSignal.LINK_WITH_SPAM_VOCABULARY;
import static io.hark.nlp.spam.SpamSignal.NEW_ACCOUNT_BURST;
import static io.hark.nlp.spam.SpamSignal.SPAM_VOCABULARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpamScoreTest {
    private static boolean isSpam(Set<SpamSignal> signals) {
        return SpamScore.isSpam(SpamScore.of(signals));
    }

    @Test
    void noSignalsScoreZero() {
        assertThat(SpamScore.of(Set.of())).isZero();
        assertThat(isSpam(Set.of())).isFalse();
    }

    @Test
    void combinesAsANoisyOr() {
        assertThat(SpamScore.of(EnumSet.of(COPY_PASTE, NEW_ACCOUNT_BURST)))
                .isCloseTo(1 - 0.6 * 0.7, within(1e-12));
    }

    @Test
    void allSignalsTogetherStayBelowOne() {
        assertThat(SpamScore.of(EnumSet.allOf(SpamSignal.class)))
                .isGreaterThan(0.9)
                .isLessThan(1.0);
    }

    @ParameterizedTest
    @EnumSource(
            value = SpamSignal.class,
            names = "LINK_WITH_SPAM_VOCABULARY",
            mode = EnumSource.Mode.EXCLUDE)
    void noOtherSignalIsSpamAlone(SpamSignal signal) {
        assertThat(isSpam(EnumSet.of(signal))).isFalse();
    }

    @Test
    void aLinkWithSpamVocabularyIsSpamAlone() {
        assertThat(isSpam(EnumSet.of(LINK_WITH_SPAM_VOCABULARY))).isTrue();
    }

    @Test
    void copyPasteFromANewAccountBurstIsSpam() {
        assertThat(isSpam(EnumSet.of(COPY_PASTE, NEW_ACCOUNT_BURST))).isTrue();
    }

    @Test
    void stuffingBothHashtagsAndHandlesIsSpam() {
        assertThat(isSpam(EnumSet.of(HASHTAG_STUFFING, HANDLE_STUFFING))).isTrue();
    }

    @Test
    void spamVocabularyWithHashtagStuffingIsNotSpam() {
        assertThat(isSpam(EnumSet.of(SPAM_VOCABULARY, HASHTAG_STUFFING))).isFalse();
    }

    @Test
    void everySignalIsDescribed() {
        for (SpamSignal signal : SpamSignal.values()) {
            assertThat(signal.description()).isNotBlank().doesNotContain("\n");
            assertThat(signal.weight()).isStrictlyBetween(0.0, 1.0);
        }
    }
}
