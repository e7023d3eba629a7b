// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The released versions of Hark's schemas, kept in {@code schemas/history/NAME.vN.avsc}.
 *
 * <p>Every schema change adds a new version there. Decoders accept data written with any released
 * version, and a test checks that each change stays backward compatible with all of them.
 */
public final class SchemaHistory {
    /**
     * In dependency order: a later schema may refer to an earlier one by name. A release holds
     * every schema that existed then; schemas added later start at a later version.
     */
    static final List<String> NAMES =
            List.of("Mention", "EnrichedMention", "DeadLetter", "WindowMetrics", "Alert");

    private SchemaHistory() {}

    /**
     * The released versions of the named schema, oldest first (none before the release that added
     * it).
     */
    public static List<Schema> versionsOf(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no schema named " + name + "; known: " + NAMES);
        }
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            Schema.Parser parser = new Schema.Parser();
            Schema found = null;
            if (read(NAMES.get(0), version) == null) {
                return versions;
            }
            for (String each : NAMES) {
                String text = read(each, version);
                if (text != null) {
                    Schema parsed = parser.parse(text);
                    if (each.equals(name)) {
                        found = parsed;
                    }
                }
            }
            if (found != null) {
                versions.add(found);
            }
        }
    }

    private static String read(String name, int version) {
        String resource = "history/" + name + ".v" + version + ".avsc";
        try (InputStream in = SchemaHistory.class.getResourceAsStream(resource)) {
            return in == null
                    ? null
                    : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + resource, e);
        }
    }
}
