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
 * </pre>
 *
 * Slack URLs and PagerDuty routing keys come from the environment or from files, so the file itself
 * holds no secret. Every entry is checked and every secret resolved on loading.
 */
public final class NotifierConfig {
    /** The group whose notifiers hear every group's alerts. */
    public static final String EVERY_GROUP = "*";

    private final Map<String, List<Notifier>> notifiersByGroup;

    private NotifierConfig(Map<String, List<Notifier>> notifiersByGroup) {
        this.notifiersByGroup = notifiersByGroup;
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
        for (Map.Entry<String, JsonNode> group : root.get("groups").properties()) {
            String where = sourceName + ": group '" + group.getKey() + "'";
            if (!group.getValue().isArray()) {
                throw new NotifierConfigException(where + ": expected a list of notifiers");
            }
            List<Notifier> notifiers = new ArrayList<>();
            for (int i = 0; i < group.getValue().size(); i++) {
                notifiers.add(
                        notifier(
                                group.getValue().get(i),
                                where + ", notifier #" + (i + 1),
                                environment,
                                http));
            }
            notifiersByGroup.put(group.getKey(), List.copyOf(notifiers));
        }
        return new NotifierConfig(notifiersByGroup);
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
