// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * One document to index (create or overwrite) under a deterministic id, so that a retry or a replay
 * overwrites instead of duplicating.
 *
 * @param source the document as UTF-8 JSON
 */
public record IndexRequest(String index, String id, byte[] source) implements Serializable {
    public long sizeInBytes() {
        return source.length + index.length() + id.length();
    }

    public String sourceText() {
        return new String(source, StandardCharsets.UTF_8);
    }
}
