// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.queries;

/** A query file that cannot be used; the message names the file and the query. */
public final class QueryFileException extends IllegalArgumentException {
    QueryFileException(String message) {
        super(message);
    }

    QueryFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
