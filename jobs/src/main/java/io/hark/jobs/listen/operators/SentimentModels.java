// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen.operators;

import io.hark.nlp.sentiment.TweetSentiment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole-text sentiment models of a JVM: the shipped one, or a model file given to the job
 * ({@code --sentiment-model}), read once however many tasks and operators use it.
 */
final class SentimentModels {
    private static final Map<String, TweetSentiment> LOADED = new HashMap<>();

    private SentimentModels() {}

    /**
     * @param file a model written by {@code train-sentiment}, or null for the shipped model
     */
    static synchronized TweetSentiment wholeText(String file) {
        if (file == null) {
            return TweetSentiment.shared();
        }
        return LOADED.computeIfAbsent(
                file,
                path -> {
                    try {
                        return TweetSentiment.load(Path.of(path));
                    } catch (IOException e) {
                        throw new UncheckedIOException(
                                "cannot load the sentiment model " + path + " where this task runs",
                                e);
                    }
                });
    }
}
