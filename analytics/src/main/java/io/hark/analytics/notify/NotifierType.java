// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/** The {@code type}s of a notifier file's entries, with the secret each needs. */
enum NotifierType {
    // a webhook URL may be written in the file: in-house receivers often need no token
    WEBHOOK("url", true, WebhookNotifier::new),
    SLACK("url", false, SlackNotifier::new),
    // an incident tool: a report is nothing to page anyone about
    PAGERDUTY("routing_key", false, PagerDutyNotifier::new);

    private final String secretName;
    private final boolean valueAllowed;
    private final BiFunction<Secret, HttpDelivery, Notifier> constructor;

    NotifierType(
            String secretName,
            boolean valueAllowed,
            BiFunction<Secret, HttpDelivery, Notifier> constructor) {
        this.secretName = secretName;
        this.valueAllowed = valueAllowed;
        this.constructor = constructor;
    }

    static Optional<NotifierType> named(String name) {
        return Arrays.stream(values()).filter(type -> type.key().equals(name)).findFirst();
    }

    /** How the type is written in the file. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String secretName() {
        return secretName;
    }

    boolean valueAllowed() {
        return valueAllowed;
    }

    /**
     * The notifier; an IllegalArgumentException, if any, says what is wrong with the secret without
     * quoting it.
     */
    Notifier create(Secret secret, HttpDelivery http) {
        return constructor.apply(secret, http);
    }
}
