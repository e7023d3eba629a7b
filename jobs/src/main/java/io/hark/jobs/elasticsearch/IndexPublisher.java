// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * Publishes a replay's indices in place of the live ones, in one atomic alias update: each live
 * index {@code hark-mentions-2026.11.01} that the replay rebuilt (as {@code
 * hark-replay-NAME-mentions-2026.11.01}) is removed and its name becomes an alias of the rebuilt
 * index, which also joins the live alias ({@code hark-mentions}). Dashboards, searches and the live
 * job's writes then reach the rebuilt index under the old names; no reader ever sees both or
 * neither. Publishing again (a newer replay) moves the aliases; the previous replay's indices stay
 * until deleted.
 */
public final class IndexPublisher {
    private static final List<String> KINDS = List.of("mentions", "metrics", "alerts");

    private IndexPublisher() {}

    /** What one publication changed, one line per index name. */
    public record Published(List<String> swaps) {}

    public static Published publish(
            ElasticsearchConnection connection, IndexTemplates live, IndexTemplates replay)
            throws IOException {
        ElasticsearchAsyncClient client = connection.asyncClient();
        try {
            List<Action> actions = new ArrayList<>();
            List<String> swaps = new ArrayList<>();
            for (String kind : KINDS) {
                String replayStem = replay.prefix() + "-" + kind + "-";
                String liveAlias = live.prefix() + "-" + kind;
                for (String rebuilt : concreteIndices(client, replayStem + "*")) {
                    String liveName =
                            live.prefix()
                                    + "-"
                                    + kind
                                    + "-"
                                    + rebuilt.substring(replayStem.length());
                    Set<String> current = concreteIndices(client, liveName);
                    if (current.contains(liveName)) {
                        actions.add(
                                Action.of(a -> a.removeIndex(remove -> remove.index(liveName))));
                        swaps.add(liveName + ": index replaced by " + rebuilt);
                    } else if (!current.isEmpty()) {
                        for (String previous : current) {
                            actions.add(
                                    Action.of(
                                            a ->
                                                    a.remove(
                                                            remove ->
                                                                    remove.index(previous)
                                                                            .alias(liveName))));
                            actions.add(
                                    Action.of(
                                            a ->
                                                    a.remove(
                                                            remove ->
                                                                    remove.index(previous)
                                                                            .alias(liveAlias))));
                        }
                        swaps.add(
                                liveName
                                        + ": alias moved from "
                                        + String.join(", ", current)
                                        + " to "
                                        + rebuilt);
                    } else {
                        swaps.add(liveName + ": new, points to " + rebuilt);
                    }
                    actions.add(
                            Action.of(
                                    a ->
                                            a.add(
                                                    add ->
                                                            add.index(rebuilt)
                                                                    .alias(liveName)
                                                                    .isWriteIndex(true))));
                    actions.add(Action.of(a -> a.add(add -> add.index(rebuilt).alias(liveAlias))));
                }
            }
            if (swaps.isEmpty()) {
                throw new IllegalArgumentException(
                        "no indices "
                                + replay.prefix()
                                + "-{mentions,metrics,alerts}-* to publish on "
                                + connection);
            }
            client.indices().updateAliases(update -> update.actions(actions)).get();
            return new Published(swaps);
        } catch (ExecutionException e) {
            throw new IOException(
                    "cannot publish "
                            + replay.prefix()
                            + " on "
                            + connection
                            + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing " + replay.prefix(), e);
        } finally {
            client._transport().close();
        }
    }

    /**
     * The concrete indices a name or pattern resolves to (an index, or the indices behind an
     * alias).
     */
    private static Set<String> concreteIndices(ElasticsearchAsyncClient client, String target)
            throws ExecutionException, InterruptedException {
        return new TreeSet<>(
                client.indices()
                        .get(get -> get.index(target).ignoreUnavailable(true).allowNoIndices(true))
                        .get()
                        .indices()
                        .keySet());
    }
}
