// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

/**
 * A mention's identity everywhere (Kafka keys, document ids, labels, state keys): {@code
 * platform:id}, since ids are unique per platform only; the same for authors.
 */
public final class MentionIds {
    /**
     * Elasticsearch's limit on a document id, in UTF-8 bytes: a longer id fails validation of the
     * whole bulk request it is in, not just its own item, so such a mention is refused at the door.
     */
    public static final int MAX_BYTES = 512;

    private MentionIds() {}

    public static String of(Mention mention) {
        return of(mention.getPlatform(), mention.getId());
    }

    public static String of(Platform platform, String id) {
        return platform + ":" + id;
    }

    /** The key of a mention's author. */
    public static String author(Mention mention) {
        return mention.getPlatform() + ":" + mention.getAuthor().getId();
    }
}
