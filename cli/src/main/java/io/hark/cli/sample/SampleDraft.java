// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import io.hark.cli.sample.SampleAuthors.Person;
import io.hark.schema.Platform;
import java.util.LinkedHashMap;
import java.util.Map;

/** A mention being composed. */
final class SampleDraft {
    final Platform platform;
    final SampleKind kind;
    final int brand;
    final Person author;
    String lang = "en";
    String text;
    SamplePost parent;
    String repostOf;
    String quoteOf;
    boolean threadRoot = true;
    String place;
    String title;
    final Map<String, String> extras = new LinkedHashMap<>();

    SampleDraft(Platform platform, SampleKind kind, int brand, Person author) {
        this.platform = platform;
        this.kind = kind;
        this.brand = brand;
        this.author = author;
    }
}
