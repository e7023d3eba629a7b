// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** What to do about a failed bulk request or bulk item. */
public final class BulkFailures {
    public enum Outcome {
        /** Transient (overload, unavailable, network): send again later. */
        RETRY,
        /** The document itself is bad (e.g. a mapping conflict): dead-letter it, go on. */
        REJECT,
        /** The whole request is refused for a reason retrying cannot fix (e.g. credentials). */
        FAIL
    }

    private BulkFailures() {}

    /** For one item of a bulk response. */
    public static Outcome ofItem(int status) {
        return status == 429 || status >= 500 ? Outcome.RETRY : Outcome.REJECT;
    }

    /** For a bulk request that failed as a whole. */
    public static Outcome ofRequest(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ElasticsearchException es) {
            return ofStatus(es.status());
        }
        if (cause instanceof co.elastic.clients.transport.TransportException transport) {
            return ofStatus(transport.statusCode());
        }
        if (cause instanceof IOException
                || cause instanceof ConnectException
                || cause instanceof TimeoutException) {
            return Outcome.RETRY;
        }
        return Outcome.FAIL;
    }

    /** Client errors other than timeouts and throttling will not go away by themselves. */
    private static Outcome ofStatus(int status) {
        boolean clientError = status >= 400 && status < 500 && status != 408 && status != 429;
        return clientError ? Outcome.FAIL : Outcome.RETRY;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
