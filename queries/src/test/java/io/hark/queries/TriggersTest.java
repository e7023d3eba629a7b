// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TriggersTest {
    private static Set<String> triggers(String query, String... otherQueries) {
        List<QueryNode> all = new ArrayList<>(List.of(QueryParser.parse(query)));
        for (String other : otherQueries) {
            all.add(QueryParser.parse(other));
        }
        Set<Term> terms = new Triggers(all).of(all.get(0));
        return terms == null
                ? null
                : terms.stream().map(Term::toString).collect(Collectors.toSet());
    }

    @Test
    void queriesThatCanMatchWithoutTermsHaveNone() {
        assertThat(triggers("NOT acme")).isNull();
        assertThat(triggers("lang:en")).isNull();
        assertThat(triggers("acme OR lang:en")).isNull();
        assertThat(triggers("acme OR NOT bolt")).isNull();
        assertThat(triggers("NOT (acme AND bolt)")).isNull();
    }

    @Test
    void negatedTermsNeverTrigger() {
        assertThat(triggers("acme AND NOT jobs")).containsExactly("acme");
        assertThat(triggers("(acme OR \"acme coffee\" OR #acme) AND NOT lang:de"))
                .containsExactlyInAnyOrder("acme", "\"acme coffee\"", "#acme");
        assertThat(triggers("NOT (NOT acme)")).containsExactly("acme");
        assertThat(triggers("NOT (NOT acme OR lang:en)")).containsExactly("acme");
    }

    @Test
    void anAndTriggersOnTheSideOtherQueriesShareLeast() {
        assertThat(triggers("(late OR slow) AND (acme OR acmeco)", "late AND bolt", "slow AND zap"))
                .containsExactlyInAnyOrder("acme", "acmeco");
        assertThat(triggers("(acme OR acmeco) NEAR/3 late", "late AND bolt"))
                .containsExactlyInAnyOrder("acme", "acmeco");
        assertThat(triggers("(acme OR acmeco) NEAR/3 late")).containsExactly("late");
    }
}
