// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a query is about, as sentiment toward it needs: its name and the words, phrases, hashtags
 * and handles it looks for (not those under NOT, which say what it is not about, nor filters on
 * fields). Lower-case, without {@code #} or {@code @}, a prefix without its {@code *}.
 */
public final class QueryTargets {
    private QueryTargets() {}

    public static List<String> of(QueryDefinition definition) {
        Set<String> targets = new LinkedHashSet<>();
        targets.add(definition.name().toLowerCase(Locale.ROOT));
        collect(QueryParser.parse(definition.query()), targets);
        return List.copyOf(targets);
    }

    private static void collect(QueryNode node, Set<String> targets) {
        if (node instanceof QueryNode.And and) {
            and.operands().forEach(operand -> collect(operand, targets));
        } else if (node instanceof QueryNode.Or or) {
            or.operands().forEach(operand -> collect(operand, targets));
        } else if (node instanceof QueryNode.Near near) {
            collect(near.left(), targets);
            collect(near.right(), targets);
        } else if (node instanceof Term.Word word) {
            targets.add(word.word());
        } else if (node instanceof Term.Prefix prefix) {
            targets.add(prefix.prefix());
        } else if (node instanceof Term.Phrase phrase) {
            targets.add(String.join(" ", phrase.words()));
        } else if (node instanceof Term.Tag tag) {
            targets.add(tag.value());
        }
    }
}
