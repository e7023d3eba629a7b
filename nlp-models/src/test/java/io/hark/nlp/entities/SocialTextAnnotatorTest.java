// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocialTextAnnotatorTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#travel #delayed #SkylineAir",
                "@skylineair @bluejet https://t.co/x1Y 😡😡",
                "4 !!! 221 ... :( 😡 #fail",
            })
    void wordlessTextIsTokenizedButNotTagged(String text) {
        AnnotatedText annotated = SocialTextAnnotator.shared().annotate(text);

        assertThat(annotated.tokens()).isNotEmpty();
        assertThat(annotated.tokens()).allSatisfy(token -> assertThat(token.tag()).isEmpty());
        assertThat(annotated.mentions()).isEmpty();
        // The reference runs every stage on the same text, so the skip above is the shortcut's.
        assertThat(SocialTextAnnotator.reference().annotate(text).tokens())
                .allSatisfy(token -> assertThat(token.tag()).isNotEmpty());
    }

    @Test
    void oneWordIsEnoughToTagAndLabelTheWholeText() {
        AnnotatedText annotated =
                SocialTextAnnotator.shared().annotate("#travel @bluejet London 😡");

        assertThat(annotated.tokens()).allSatisfy(token -> assertThat(token.tag()).isNotEmpty());
        assertThat(annotated.mentions())
                .extracting(EntitySpan::type)
                .containsExactly(NamedEntity.LOCATION);
        assertThat(annotated)
                .isEqualTo(SocialTextAnnotator.reference().annotate("#travel @bluejet London 😡"));
    }
}
