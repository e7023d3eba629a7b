// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import io.hark.schema.Alert;

/** Sends alerts to where on-call staff will see them. */
public interface Notifier {
    /**
     * Sends {@code alert}, retrying as the delivery settings allow. Never throws for a failed
     * delivery: the result says why, so the caller can dead-letter the alert.
     */
    DeliveryResult deliver(Alert alert);

    /** The notifier's type and its target with the secret parts masked, for logs. */
    String describe();
}
