// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

/**
 * A notifier file that cannot be used; the message names the file, group and entry, never a secret.
 */
public final class NotifierConfigException extends IllegalArgumentException {
    NotifierConfigException(String message) {
        super(message);
    }

    NotifierConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
