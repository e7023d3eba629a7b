// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Searches as JSON in, JSON out, through the official client's connection (so TLS, API keys and
 * basic auth work as for the jobs): aggregation responses read more plainly as trees than as the
 * typed client's classes. Failures become {@link ReportException}s that say what to check.
 */
public final class ElasticsearchJson implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ElasticsearchAsyncClient client;
    private final List<URI> hosts;

    /** One document to index under its id, as UTF-8 JSON. */
    public record Document(String index, String id, String json) {}

    /**
     * @param client closed with this
     * @param hosts where {@code client} connects, for the error messages
     */
    public ElasticsearchJson(ElasticsearchAsyncClient client, List<URI> hosts) {
        this.client = client;
        this.hosts = List.copyOf(hosts);
    }

    /**
     * Searches an index, alias or pattern; a missing index is an empty answer, not an error (the
     * alerts index exists only once an alert was raised).
     */
    public JsonNode search(String index, JsonNode body) {
        Request request =
                new Request(
                        "POST",
                        "/" + URLEncoder.encode(index, StandardCharsets.UTF_8) + "/_search");
        request.addParameter("ignore_unavailable", "true");
        request.addParameter("allow_no_indices", "true");
        try {
            request.setJsonEntity(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a search of " + index, e);
        }
        return perform(request, "the search of " + index);
    }

    private JsonNode perform(Request request, String what) {
        try {
            Response response = restClient().performRequest(request);
            return MAPPER.readTree(EntityUtils.toString(response.getEntity()));
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusCode();
            throw new ReportException(
                    switch (status) {
                        case 401 ->
                                "Elasticsearch at "
                                        + hosts
                                        + " refused the credentials (401): check --es-user and --es-password-file, or --es-api-key-file";
                        case 403 ->
                                "Elasticsearch at "
                                        + hosts
                                        + " does not allow "
                                        + what
                                        + " to this user (403)";
                        default ->
                                "Elasticsearch refused "
                                        + what
                                        + " ("
                                        + status
                                        + "): "
                                        + errorReason(e.getResponse());
                    },
                    e);
        } catch (IOException | ParseException e) {
            throw new ReportException(
                    "cannot reach Elasticsearch at "
                            + hosts
                            + " ("
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + "): is it running, and is --es right?",
                    e);
        }
    }

    /**
     * Indexes documents in one bulk request (for loading test and benchmark data); fails on the
     * first refused item.
     */
    public void bulk(List<Document> documents) {
        StringBuilder body = new StringBuilder();
        for (Document document : documents) {
            ObjectNode action = MAPPER.createObjectNode();
            action.putObject("index").put("_index", document.index()).put("_id", document.id());
            body.append(action).append('\n').append(document.json()).append('\n');
        }
        Request request = new Request("POST", "/_bulk");
        request.setEntity(
                new StringEntity(
                        body.toString(),
                        ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
        JsonNode response = perform(request, "bulk indexing");
        if (response.path("errors").asBoolean()) {
            for (JsonNode item : response.path("items")) {
                JsonNode error = item.path("index").path("error");
                if (!error.isMissingNode()) {
                    throw new ReportException("Elasticsearch refused a document: " + error);
                }
            }
        }
    }

    /** Makes everything indexed so far searchable. */
    public void refresh(String index) {
        Request request =
                new Request(
                        "POST",
                        "/" + URLEncoder.encode(index, StandardCharsets.UTF_8) + "/_refresh");
        request.addParameter("ignore_unavailable", "true");
        request.addParameter("allow_no_indices", "true");
        perform(request, "refreshing " + index);
    }

    private static String errorReason(Response response) {
        try {
            JsonNode error =
                    MAPPER.readTree(EntityUtils.toString(response.getEntity())).path("error");
            JsonNode cause = error.path("root_cause").path(0);
            return (cause.isMissingNode() ? error : cause).path("reason").asText(error.toString());
        } catch (IOException | ParseException e) {
            return "an unreadable error";
        }
    }

    private Rest5Client restClient() {
        return ((Rest5ClientTransport) client._transport()).restClient();
    }

    @Override
    public void close() throws IOException {
        client._transport().close();
    }
}
