// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema change must stay backward compatible: the current schema reads data written with
 * each released version. A change must also be released (copied to {@code schemas/history/} as the
 * next version), so the next change is checked against it.
 */
class SchemaCompatibilityTest {
    static List<String> schemaNames() {
        return SchemaHistory.NAMES;
    }

    @ParameterizedTest
    @MethodSource("schemaNames")
    void currentSchemaReadsEveryReleasedVersion(String name) {
        Schema current = currentSchema(name);
        List<Schema> released = SchemaHistory.versionsOf(name);
        assertThat(released).as("released versions of %s", name).isNotEmpty();
        for (int i = 0; i < released.size(); i++) {
            var result =
                    SchemaCompatibility.checkReaderWriterCompatibility(current, released.get(i));
            assertThat(result.getType())
                    .as(
                            "%s must read data written with v%d: %s",
                            name, i + 1, result.getResult().getIncompatibilities())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("schemaNames")
    void currentSchemaIsTheNewestReleasedVersion(String name) {
        List<Schema> released = SchemaHistory.versionsOf(name);
        assertThat(released.get(released.size() - 1).toString())
                .as(
                        "schemas/avro/%s.avsc changed: copy it to schemas/history/%s.v%d.avsc (with its siblings)",
                        name, name, released.size() + 1)
                .isEqualTo(currentSchema(name).toString());
    }

    /**
     * The schema as written in {@code schemas/avro/}, which the build generates the classes from.
     */
    private static Schema currentSchema(String name) {
        Schema.Parser parser = new Schema.Parser();
        Schema found = null;
        for (String each : SchemaHistory.NAMES) {
            try {
                Schema parsed = parser.parse(Files.readString(Path.of("avro", each + ".avsc")));
                if (each.equals(name)) {
                    found = parsed;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }
}
