// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one reader of the YAML files people write (listening queries, notifiers), with limits, so
 * that a mistaken or hostile file fails fast with a clear error instead of exhausting memory:
 *
 * <ul>
 *   <li>at most {@link #MAX_CHARS} characters (and a file at most as many bytes);
 *   <li>at most {@link #MAX_NESTING} nested mappings and lists;
 *   <li>no duplicate keys: a second {@code id:} is an error, not a silent override;
 *   <li>no aliases ({@code *name}): Hark's files never need them, Jackson would read one as the
 *       anchor's name rather than its value, and expanding them is the "billion laughs" attack.
 * </ul>
 */
public final class StrictYaml {
    /** 4 Mi characters: a thousand long queries fit many times over. */
    public static final int MAX_CHARS = 4 * 1024 * 1024;

    /** Hark's files nest four deep; the margin is for whatever comes next. */
    public static final int MAX_NESTING = 20;

    private static final YAMLMapper MAPPER =
            YAMLMapper.builder(
                            YAMLFactory.builder()
                                    .loaderOptions(loaderOptions())
                                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                                    .build())
                    .build();

    private StrictYaml() {}

    /** The text of {@code file}, refused unread when it is over {@link #MAX_CHARS} bytes. */
    public static String read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_CHARS) {
            throw new IOException(
                    file + " has " + size + " bytes; a YAML file may have at most " + MAX_CHARS);
        }
        return Files.readString(file);
    }

    /**
     * The document in {@code yaml}, or null if it is empty; the exception's first line says what is
     * wrong.
     */
    public static JsonNode readTree(String yaml) throws JsonProcessingException {
        // the scanner reads a long scalar in quadratic time before its own limit stops it
        if (yaml.length() > MAX_CHARS && yaml.codePointCount(0, yaml.length()) > MAX_CHARS) {
            throw new JsonParseException(
                    null, "The YAML document exceeds the limit: " + MAX_CHARS + " code points");
        }
        try (JsonParser parser = new Checked((YAMLParser) MAPPER.createParser(yaml))) {
            return MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("a YAML string has no I/O to fail", e);
        }
    }

    /**
     * Jackson reads SnakeYAML's events, not its node graph, so of SnakeYAML's limits only the
     * document size applies; nesting, duplicate keys and aliases are checked on Jackson's side.
     */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS);
        return options;
    }

    /** Stops at the first alias or the first mapping or list too deep, saying where it is. */
    private static final class Checked extends JsonParserDelegate {
        private final YAMLParser yaml;

        Checked(YAMLParser yaml) {
            super(yaml);
            this.yaml = yaml;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (yaml.isCurrentAlias()) {
                throw new JsonParseException(
                        this,
                        "aliases (*" + yaml.getText() + ") are not supported; write the value out",
                        yaml.currentTokenLocation());
            }
            boolean opens = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
            if (opens && yaml.getParsingContext().getNestingDepth() > MAX_NESTING) {
                throw new JsonParseException(
                        this,
                        "mappings and lists nest more than " + MAX_NESTING + " deep",
                        yaml.currentTokenLocation());
            }
            return token;
        }
    }
}
