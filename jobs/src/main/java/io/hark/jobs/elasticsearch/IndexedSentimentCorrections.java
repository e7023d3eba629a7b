// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.schema.SentimentCorrection;
import io.hark.schema.SentimentLabel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each analyst's label on the mentions already indexed that it holds for: the labelled
 * mention, its copy-pastes ({@code duplicate_of}) and its reposts, as {@link
 * io.hark.schema.SentimentCorrections} does for the mentions still to come; a removed label gives
 * them the next label that holds (their first copy's or original's own) or else the model's reading
 * back. Each document is read and indexed again whole under its own id (updates by query need
 * scripts, which Hark does without), as {@link DocumentSentiment} corrects it.
 *
 * <p>A correction is applied before the next checkpoint completes; when Elasticsearch fails, the
 * job fails and applies it again from the checkpoint (applying a label twice changes nothing).
 */
public final class IndexedSentimentCorrections implements Sink<SentimentCorrection> {
    /** More documents than this for one text are left as they were, and said so in the log. */
    static final int MAX_DOCUMENTS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(IndexedSentimentCorrections.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ElasticsearchConnection connection;
    private final IndexTemplates indices;

    public IndexedSentimentCorrections(ElasticsearchConnection connection, IndexTemplates indices) {
        this.connection = connection;
        this.indices = indices;
    }

    @Override
    public SinkWriter<SentimentCorrection> createWriter(WriterInitContext context) {
        return new Writer(connection.asyncClient(), indices.mentionsAlias());
    }

    private static final class Writer implements SinkWriter<SentimentCorrection> {
        private final ElasticsearchAsyncClient client;
        private final String alias;

        Writer(ElasticsearchAsyncClient client, String alias) {
            this.client = client;
            this.alias = alias;
        }

        @Override
        public void write(SentimentCorrection correction, Context context)
                throws IOException, InterruptedException {
            try {
                List<Hit<ObjectNode>> hits = labelled(correction);
                if (hits.isEmpty()) {
                    return;
                }
                if (hits.size() >= MAX_DOCUMENTS) {
                    LOG.warn(
                            "{} has {} or more indexed copies and reposts; only {} were relabelled",
                            correction.mentionId(),
                            MAX_DOCUMENTS,
                            MAX_DOCUMENTS);
                }
                List<Hit<ObjectNode>> changed = new ArrayList<>();
                for (Hit<ObjectNode> hit : hits) {
                    if (DocumentSentiment.correct(hit.source(), correction)) {
                        changed.add(hit);
                    }
                }
                if (changed.isEmpty()) {
                    return;
                }
                if (correction.isRemoval()) {
                    labelNext(changed, correction.mentionId());
                }
                BulkRequest.Builder bulk = new BulkRequest.Builder();
                for (Hit<ObjectNode> hit : changed) {
                    byte[] source = MAPPER.writeValueAsBytes(hit.source());
                    bulk.operations(
                            BulkOperation.of(
                                    op ->
                                            op.index(
                                                    index ->
                                                            index.index(hit.index())
                                                                    .id(hit.id())
                                                                    .document(
                                                                            BinaryData.of(
                                                                                    source,
                                                                                    ContentType
                                                                                            .APPLICATION_JSON)))));
                }
                BulkResponse response = client.bulk(bulk.build()).get();
                if (response.errors()) {
                    throw new IOException(
                            "Elasticsearch refused the label of "
                                    + correction.mentionId()
                                    + " on some documents: "
                                    + response.items().stream()
                                            .filter(item -> item.error() != null)
                                            .findFirst()
                                            .map(item -> item.id() + ": " + item.error().reason())
                                            .orElse("?"));
                }
            } catch (ExecutionException e) {
                throw new IOException(
                        "cannot put the label of "
                                + correction.mentionId()
                                + " on its indexed documents: "
                                + e.getCause().getMessage(),
                        e.getCause());
            }
        }

        /**
         * Where the removed label was in force, the next label that holds takes its place, as it
         * would on a mention still to come: the own label of the first copy of the text or of the
         * original, as their indexed documents carry it.
         */
        private void labelNext(List<Hit<ObjectNode>> restored, String removedId)
                throws ExecutionException, InterruptedException {
            Map<ObjectNode, List<String>> nextIdsOf = new IdentityHashMap<>();
            Set<String> nextIds = new HashSet<>();
            for (Hit<ObjectNode> hit : restored) {
                List<String> ids = DocumentSentiment.labelledIdsAfter(hit.source(), removedId);
                nextIdsOf.put(hit.source(), ids);
                nextIds.addAll(ids);
            }
            if (nextIds.isEmpty()) {
                return;
            }
            Map<String, SentimentLabel> ownLabels = ownLabels(nextIds);
            nextIdsOf.forEach(
                    (document, ids) ->
                            ids.stream()
                                    .filter(ownLabels::containsKey)
                                    .findFirst()
                                    .ifPresent(
                                            id ->
                                                    DocumentSentiment.correct(
                                                            document,
                                                            new SentimentCorrection(
                                                                    id, ownLabels.get(id)))));
        }

        /** The analysts' own labels of these mentions, as their indexed documents carry them. */
        private Map<String, SentimentLabel> ownLabels(Set<String> mentionIds)
                throws ExecutionException, InterruptedException {
            // a label this sink indexed a moment ago must be seen
            client.indices()
                    .refresh(
                            refresh ->
                                    refresh.index(alias)
                                            .allowNoIndices(true)
                                            .ignoreUnavailable(true))
                    .get();
            Map<String, SentimentLabel> labels = new HashMap<>();
            for (Hit<ObjectNode> hit :
                    search(
                            QueryBuilders.ids(ids -> ids.values(List.copyOf(mentionIds))),
                            mentionIds.size())) {
                SentimentLabel label = DocumentSentiment.ownLabel(hit.source());
                if (label != null) {
                    labels.put(hit.id(), label);
                }
            }
            return labels;
        }

        /** The labelled mention, its copies and its reposts, as indexed. */
        private List<Hit<ObjectNode>> labelled(SentimentCorrection correction)
                throws ExecutionException, InterruptedException {
            String mentionId = correction.mentionId();
            int colon = mentionId.indexOf(':');
            String platform = mentionId.substring(0, colon);
            String id = mentionId.substring(colon + 1);
            Query itself = QueryBuilders.ids(ids -> ids.values(mentionId));
            Query copies = term("duplicate_of", mentionId);
            Query reposts =
                    QueryBuilders.bool(
                            bool ->
                                    bool.filter(term("platform", platform))
                                            .filter(term("repost_of_id", id)));
            Query anyOfThem =
                    QueryBuilders.bool(
                            bool -> bool.should(itself, copies, reposts).minimumShouldMatch("1"));
            return search(anyOfThem, MAX_DOCUMENTS);
        }

        private List<Hit<ObjectNode>> search(Query query, int size)
                throws ExecutionException, InterruptedException {
            SearchResponse<ObjectNode> response =
                    client.search(
                                    search ->
                                            search.index(alias)
                                                    .allowNoIndices(true)
                                                    .ignoreUnavailable(true)
                                                    .size(size)
                                                    .query(query),
                                    ObjectNode.class)
                            .get();
            return response.hits().hits();
        }

        private static Query term(String field, String value) {
            return QueryBuilders.term(term -> term.field(field).value(value));
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() throws IOException {
            client._transport().close();
        }
    }
}
