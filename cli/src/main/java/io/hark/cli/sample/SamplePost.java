// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import io.hark.cli.sample.SampleAuthors.Person;

/**
 * A generated mention that later ones may reply to, repost or quote. root is the URL of its thread.
 */
record SamplePost(
        String id,
        int brand,
        SampleKind kind,
        Person author,
        String text,
        String url,
        String root,
        String conversationId,
        String lang,
        String place) {}
