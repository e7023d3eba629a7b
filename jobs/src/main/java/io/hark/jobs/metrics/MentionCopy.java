// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.window.CountedVerdicts;
import io.hark.analytics.window.MentionFacts;
import io.hark.analytics.window.WindowKeys;
import io.hark.schema.EnrichedMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/**
 * A copy of an enriched mention that window metrics count: the first one, or a later one that
 * replaces what an earlier copy was counted as ({@link DropRepeatedMentions}).
 */
public class MentionCopy {
    public static final TypeInformation<MentionCopy> TYPE =
            Types.POJO(
                    MentionCopy.class,
                    Map.of(
                            "mention",
                            new AvroTypeInfo<>(EnrichedMention.class),
                            "replaces",
                            Types.POJO(CountedVerdicts.class)));

    public EnrichedMention mention;

    /** The verdicts the mention was counted with so far; null for its first copy. */
    public CountedVerdicts replaces;

    public MentionCopy() {}

    public static MentionCopy first(EnrichedMention mention) {
        MentionCopy copy = new MentionCopy();
        copy.mention = mention;
        return copy;
    }

    public static MentionCopy replacing(EnrichedMention mention, CountedVerdicts counted) {
        MentionCopy copy = first(mention);
        copy.replaces = counted;
        return copy;
    }

    /** The facts to count per window key: those counted before taken back, then this copy's. */
    public List<MentionFacts> facts(WindowKeys windowKeys) {
        if (replaces == null) {
            return MentionFacts.perWindowKey(mention, windowKeys);
        }
        List<MentionFacts> facts =
                new ArrayList<>(MentionFacts.retractions(mention, replaces, windowKeys));
        facts.addAll(MentionFacts.perWindowKey(mention, windowKeys));
        return facts;
    }
}
