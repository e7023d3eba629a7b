// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.schema;

/** A mention's identity everywhere (Kafka keys, document ids, labels): {@code platform:id}, as ids are unique per platform only. */
public final class MentionIds {
  private MentionIds() {}

  public static String of(Mention mention) {
    return of(mention.getPlatform(), mention.getId());
  }

  public static String of(Platform platform, String id) {
    return platform + ":" + id;
  }
}
