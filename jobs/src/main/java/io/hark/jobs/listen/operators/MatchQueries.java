// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import io.hark.jobs.queries.BroadcastQueries;
import io.hark.nlp.language.LanguageDetector;
import io.hark.queries.CompiledQueries;
import io.hark.queries.MatchInput;
import io.hark.queries.QueryDefinition;
import io.hark.queries.control.QueryStatus;
import io.hark.queries.control.QueryUpdate;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches each mention against all listening queries at once ({@link CompiledQueries}) and records
 * the ids and groups of those it matched. Query updates arrive on the broadcast side and take
 * effect without a restart; an invalid update is refused (status {@code rejected} on {@link
 * #STATUS}) and the previous version of that query stays in force.
 *
 * <p>The queries live in broadcast state ({@link BroadcastQueries}), so a restored job keeps the
 * set it had.
 */
public class MatchQueries extends BroadcastProcessFunction<Mention, QueryUpdate, EnrichedMention> {
    public static final MapStateDescriptor<String, String> QUERIES = BroadcastQueries.STATE;

    /** Accumulator: mentions that matched no query. */
    public static final String UNMATCHED = "mentions-matching-no-query";

    public static final OutputTag<QueryStatus> STATUS =
            new OutputTag<>("query-status", TypeInformation.of(QueryStatus.class));

    private static final Logger LOG = LoggerFactory.getLogger(MatchQueries.class);

    private final BroadcastQueries queries;
    private final boolean keepUnmatched;
    private transient CompiledQueries compiled;
    private transient LongCounter unmatched;

    /**
     * @param keepUnmatched pass on mentions that match no query (with no query ids) instead of
     *     dropping them
     */
    public MatchQueries(Collection<QueryDefinition> initial, boolean keepUnmatched) {
        this.queries = new BroadcastQueries(initial);
        this.keepUnmatched = keepUnmatched;
    }

    public static TypeInformation<EnrichedMention> outputType() {
        return EnrichMention.outputType();
    }

    @Override
    public void open(OpenContext openContext) {
        unmatched = getRuntimeContext().getLongCounter(UNMATCHED);
    }

    @Override
    public void processElement(Mention mention, ReadOnlyContext ctx, Collector<EnrichedMention> out)
            throws Exception {
        if (compiled == null) {
            compiled = compile(queries.inForce(ctx.getBroadcastState(QUERIES)).queries());
        }
        List<String> matched = match(compiled, mention);
        if (matched.isEmpty()) {
            unmatched.add(1);
            if (!keepUnmatched) {
                return;
            }
        }
        TreeSet<String> groups = new TreeSet<>();
        matched.stream().map(compiled::group).filter(Objects::nonNull).forEach(groups::add);
        out.collect(
                EnrichedMention.newBuilder()
                        .setMention(mention)
                        .setMatchedQueries(matched)
                        .setMatchedGroups(List.copyOf(groups))
                        .setEnrichedAt(Instant.ofEpochMilli(ctx.currentProcessingTime()))
                        .build());
    }

    @Override
    public void processBroadcastElement(
            QueryUpdate update, Context ctx, Collector<EnrichedMention> out) throws Exception {
        BroadcastQueries.Applied applied =
                queries.apply(update, ctx.getBroadcastState(QUERIES), ctx.currentProcessingTime());
        QueryStatus status = applied.status();
        compiled = compile(applied.queries());
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            ctx.output(STATUS, status);
            if (status.state().equals(QueryStatus.REJECTED)) {
                LOG.warn(
                        "Query update {} rejected, the previous version stays in force: {}",
                        status.queryId(),
                        status.error());
            } else {
                LOG.info(
                        "Query {} is now {}: {}", status.queryId(), status.state(), status.query());
            }
        }
    }

    /**
     * The ids of the queries {@code mention} matches. Its language is detected only where the
     * platform gave none and a query's language filter has to be tested.
     */
    public static List<String> match(CompiledQueries compiled, Mention mention) {
        return compiled.match(
                MatchInput.of(mention), () -> LanguageDetector.shared().detect(mention.getText()));
    }

    /** In id order, so every subtask and every restore lists matched ids the same way. */
    public static CompiledQueries compile(List<QueryDefinition> queries) {
        return CompiledQueries.compile(
                queries.stream().sorted(Comparator.comparing(QueryDefinition::id)).toList());
    }
}
