// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

/** A notifier that can also say that a new brand report was written. */
public interface ReportAnnouncer {
    /**
     * Sends {@code announcement}, retrying as the delivery settings allow; never throws for a
     * failed delivery.
     */
    DeliveryResult announce(ReportAnnouncement announcement);

    /** The notifier's type and its target with the secret parts masked, for logs. */
    String describe();
}
