// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hark.schema.StrictYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who hears about the alerts of each query group:
 *
 * <pre>
 * groups:
 *   airlines:
 *     - type: slack
 *       url_env: HARK_SLACK_AIRLINES        # or url_file: /run/secrets/slack-airlines
 *     - type: pagerduty
 *       routing_key_file: /run/secrets/pd-airlines
 *   "*":                                    # every group, in addition to its own
 *     - type: webhook
 *       url: http://alerts.internal/hark    # a plain URL is allowed for webhooks only
 *       reports: true                       # also announce each new brand report
 * </pre>
 *
 * {@code reports: true} (webhook and Slack entries) makes an entry announce the metrics job's brand
 * reports too ({@link #reportAnnouncers}). Slack URLs and PagerDuty routing keys come from the
 * environment or from files, so the file itself holds no secret. Every entry is checked and every
 * secret resolved on loading.
 */
public final class NotifierConfig {
    /** The group whose notifiers hear every group's alerts. */
    public static final String EVERY_GROUP = "*";

    /** The key that makes an entry announce brand reports. */
    static final String REPORTS = "reports";

    private final Map<String, List<Notifier>> notifiersByGroup;
    private final Map<String, List<ReportAnnouncer>> announcersByGroup;

    private NotifierConfig(
            Map<String, List<Notifier>> notifiersByGroup,
            Map<String, List<ReportAnnouncer>> announcersByGroup) {
        this.notifiersByGroup = notifiersByGroup;
        this.announcersByGroup = announcersByGroup;
    }

    public static NotifierConfig load(Path yaml, Map<String, String> environment) {
        try {
            return parse(StrictYaml.read(yaml), yaml.toString(), environment);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read notifier file " + yaml + ": " + e.getMessage(), e);
        }
    }

    /**
     * The notifiers in {@code yaml}, delivering with {@link DeliverySettings#defaults()}; {@code
     * sourceName} names it in error messages, {@code environment} holds the {@code _env} secrets.
     */
    public static NotifierConfig parse(
            String yaml, String sourceName, Map<String, String> environment) {
        JsonNode root = readTree(yaml, sourceName);
        if (root == null || !root.isObject() || !root.path("groups").isObject()) {
            throw new NotifierConfigException(
                    sourceName + ": expected a 'groups' mapping at the top");
        }
        rejectUnknownKeys(root, List.of("groups"), sourceName);
        HttpDelivery http = new HttpDelivery(DeliverySettings.defaults());
        Map<String, List<Notifier>> notifiersByGroup = new LinkedHashMap<>();
        Map<String, List<ReportAnnouncer>> announcersByGroup = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> group : root.get("groups").properties()) {
            String where = sourceName + ": group '" + group.getKey() + "'";
            if (!group.getValue().isArray()) {
                throw new NotifierConfigException(where + ": expected a list of notifiers");
            }
            List<Notifier> notifiers = new ArrayList<>();
            List<ReportAnnouncer> announcers = new ArrayList<>();
            for (int i = 0; i < group.getValue().size(); i++) {
                JsonNode entry = group.getValue().get(i);
                String numbered = where + ", notifier #" + (i + 1);
                Notifier notifier = notifier(entry, numbered, environment, http);
                notifiers.add(notifier);
                if (announcesReports(entry, notifier, numbered)) {
                    announcers.add((ReportAnnouncer) notifier);
                }
            }
            notifiersByGroup.put(group.getKey(), List.copyOf(notifiers));
            announcersByGroup.put(group.getKey(), List.copyOf(announcers));
        }
        return new NotifierConfig(notifiersByGroup, announcersByGroup);
    }

    /**
     * The notifiers for alerts of {@code group}: its own, then those of every group; null for
     * ungrouped queries.
     */
    public List<Notifier> forGroup(String group) {
        List<Notifier> everyGroup = notifiersByGroup.getOrDefault(EVERY_GROUP, List.of());
        if (group == null || group.equals(EVERY_GROUP)) {
            return everyGroup;
        }
        return Stream.concat(
                        notifiersByGroup.getOrDefault(group, List.of()).stream(),
                        everyGroup.stream())
                .toList();
    }

    /**
     * The entries with {@code reports: true} that hear of a report on {@code groups}: those of
     * every group ({@code "*"}) and of the groups reported; all of them for a report on every group
     * (empty {@code groups}).
     */
    public List<ReportAnnouncer> reportAnnouncers(List<String> groups) {
        return announcersByGroup.entrySet().stream()
                .filter(
                        group ->
                                groups.isEmpty()
                                        || group.getKey().equals(EVERY_GROUP)
                                        || groups.contains(group.getKey()))
                .flatMap(group -> group.getValue().stream())
                .toList();
    }

    /** The groups and their notifiers, described without secrets. */
    @Override
    public String toString() {
        return notifiersByGroup.entrySet().stream()
                .map(
                        group ->
                                group.getKey()
                                        + ": "
                                        + group.getValue().stream()
                                                .map(Notifier::describe)
                                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ", "NotifierConfig[", "]"));
    }

    private static Notifier notifier(
            JsonNode entry, String numbered, Map<String, String> environment, HttpDelivery http) {
        if (!entry.isObject()) {
            throw new NotifierConfigException(numbered + ": expected a mapping with a type");
        }
        JsonNode typeName = entry.get("type");
        if (typeName == null || !typeName.isTextual()) {
            throw new NotifierConfigException(numbered + ": missing 'type'");
        }
        NotifierType type =
                NotifierType.named(typeName.asText())
                        .orElseThrow(
                                () ->
                                        new NotifierConfigException(
                                                numbered
                                                        + ": unknown type '"
                                                        + typeName.asText()
                                                        + "'; the types are "
                                                        + Arrays.stream(NotifierType.values())
                                                                .map(NotifierType::key)
                                                                .collect(
                                                                        Collectors.joining(", "))));
        String where = numbered + " (" + type.key() + ")";
        List<String> keys = new ArrayList<>(List.of("type"));
        keys.addAll(SecretReference.keys(type.secretName()));
        keys.add(REPORTS);
        rejectUnknownKeys(entry, keys, where);
        SecretReference reference =
                SecretReference.find(entry, type.secretName(), type.valueAllowed(), where);
        Secret secret = reference.resolve(environment, where);
        try {
            return type.create(secret, http);
        } catch (IllegalArgumentException e) {
            throw new NotifierConfigException(where + ": " + reference + ": " + e.getMessage());
        }
    }

    /** Whether {@code entry} says {@code reports: true}, which only announcers may. */
    private static boolean announcesReports(JsonNode entry, Notifier notifier, String numbered) {
        JsonNode reports = entry.get(REPORTS);
        if (reports == null) {
            return false;
        }
        if (!reports.isBoolean()) {
            throw new NotifierConfigException(
                    numbered + ": '" + REPORTS + "' must be true or false, not " + reports);
        }
        if (reports.asBoolean() && !(notifier instanceof ReportAnnouncer)) {
            throw new NotifierConfigException(
                    numbered
                            + ": "
                            + entry.get("type").asText()
                            + " does not announce reports (it raises incidents): 'reports: true'"
                            + " is for webhook and slack entries");
        }
        return reports.asBoolean();
    }

    private static JsonNode readTree(String yaml, String sourceName) {
        try {
            return StrictYaml.readTree(yaml);
        } catch (JsonProcessingException e) {
            // the parser's first line says what is wrong; the rest quotes the offending line, which
            // may hold a secret
            String problem = e.getOriginalMessage().lines().findFirst().orElse("").strip();
            JsonLocation at = e.getLocation();
            String position =
                    at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new NotifierConfigException(
                    sourceName + ": not valid YAML" + position + ": " + problem);
        }
    }

    private static void rejectUnknownKeys(JsonNode mapping, List<String> known, String where) {
        for (Iterator<String> names = mapping.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new NotifierConfigException(
                        where
                                + ": unknown key '"
                                + name
                                + "'; the keys are "
                                + String.join(", ", known));
            }
        }
    }
}
