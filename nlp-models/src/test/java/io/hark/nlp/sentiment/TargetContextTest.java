// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.nlp.sentiment.TargetContext.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetContextTest {
    @Test
    void matchesWholeWordsWithOrWithoutTagsAndSpaces() {
        assertThat(TargetContext.find("Saw #AntMan today", List.of("ant man")).tagged()).isTrue();
        assertThat(TargetContext.find("Ant-Man was fun", List.of("ant man"))).isNotNull();
        assertThat(TargetContext.find("Microsoft's update", List.of("@microsoft"))).isNotNull();
        assertThat(TargetContext.find("giantman was fun", List.of("ant man"))).isNull();
        assertThat(TargetContext.find("no target here", List.of())).isNull();
    }

    @Test
    void keepsTheSentencesOfTheMentionAndTheWordsNextToIt() {
        TargetContext.Mention m =
                TargetContext.find("Long day. Forkly was late again! Anyway.", List.of("forkly"));
        assertThat(m.sentences()).isEqualTo("forkly was late again");
        assertThat(m.wholeText()).isFalse();
        assertThat(m.before()).isBlank();
        assertThat(m.after()).isEqualTo(" was late again");
        assertThat(TargetContext.find("forkly rocks", List.of("forkly")).wholeText()).isTrue();
    }

    @Test
    void findsTheSideOfAComparative() {
        assertThat(side("Forkly > DashBite", "forkly")).isEqualTo(Side.AHEAD);
        assertThat(side("Forkly &gt; DashBite", "dashbite")).isEqualTo(Side.BEHIND);
        assertThat(side("Forkly is way better than DashBite", "forkly")).isEqualTo(Side.AHEAD);
        assertThat(side("Forkly is way better than DashBite", "dashbite")).isEqualTo(Side.BEHIND);
        assertThat(side("switched from DashBite to Forkly", "forkly")).isEqualTo(Side.AHEAD);
        assertThat(side("switched from DashBite to Forkly", "dashbite")).isEqualTo(Side.BEHIND);
        assertThat(side("Forkly <3", "forkly")).isEqualTo(Side.NONE);
        assertThat(side("going to Forkly tonight", "forkly")).isEqualTo(Side.NONE);
    }

    private static Side side(String text, String target) {
        return TargetContext.find(text, List.of(target)).side();
    }
}
