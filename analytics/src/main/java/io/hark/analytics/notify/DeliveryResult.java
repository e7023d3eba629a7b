// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

/**
 * How the delivery of one alert went.
 *
 * @param delivered whether the target accepted the alert (a 2xx response)
 * @param attempts the requests made; 0 when none was due (a replay alert)
 * @param lastStatus the HTTP status of the last response, 0 when there was none
 * @param error why the alert was not delivered, null when it was
 */
public record DeliveryResult(boolean delivered, int attempts, int lastStatus, String error) {
    static DeliveryResult success(int attempts, int status) {
        return new DeliveryResult(true, attempts, status, null);
    }

    static DeliveryResult failure(int attempts, int status, String error) {
        return new DeliveryResult(false, attempts, status, error);
    }

    static DeliveryResult replaySkipped() {
        return new DeliveryResult(false, 0, 0, "replay alert: never notified");
    }

    /** Whether requests were made and none got through: the alert should be dead-lettered. */
    public boolean failed() {
        return !delivered && attempts > 0;
    }
}
