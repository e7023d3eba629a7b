// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

/** A report that cannot be made, with what to check, e.g. an unreachable Elasticsearch. */
public final class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
