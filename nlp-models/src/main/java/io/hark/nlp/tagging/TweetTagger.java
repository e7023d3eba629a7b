// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.tagging;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A greedy averaged-perceptron part-of-speech tagger (Collins 2002; the design of Honnibal's "A
 * good part-of-speech tagger in about 200 lines of Python"), trained by {@link TweetTaggerTrainer}
 * to give the tags CoreNLP's maximum-entropy tagger gives on tweets, at a fraction of its cost: one
 * left-to-right pass, {@link TaggerFeatures#COUNT} hashed features a token, frequent unambiguous
 * words looked up.
 *
 * <p>Immutable and thread-safe. Never throws on any words: a word it never saw is tagged from its
 * shape, suffixes and neighbours.
 */
public final class TweetTagger {

    /** The model Hark ships, made by {@code scripts/hark train-tagger}; see MODEL.md beside it. */
    public static final String SHIPPED_MODEL = "/io/hark/nlp/tagging/tweet-tagger.bin.gz";

    private static final String FORMAT = "hark-tweet-tagger-1";

    private final String name;
    private final String[] tags;
    private final Map<String, String> unambiguousWords;
    private final FeatureWeights weights;

    TweetTagger(
            String name,
            String[] tags,
            Map<String, String> unambiguousWords,
            FeatureWeights weights) {
        this.name = name;
        this.tags = tags.clone();
        this.unambiguousWords = Map.copyOf(unambiguousWords);
        this.weights = weights;
    }

    /** The shipped model, loaded once per JVM. */
    public static TweetTagger shared() {
        return Holder.SHARED;
    }

    private static final class Holder {
        static final TweetTagger SHARED = loadShipped();

        private static TweetTagger loadShipped() {
            try (InputStream stream = TweetTagger.class.getResourceAsStream(SHIPPED_MODEL)) {
                if (stream == null) {
                    throw new IllegalStateException(
                            SHIPPED_MODEL + " is not on the class path: build nlp-models");
                }
                return read(stream);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + SHIPPED_MODEL, e);
            }
        }
    }

    public static TweetTagger load(Path file) throws IOException {
        try (InputStream stream = Files.newInputStream(file)) {
            return read(stream);
        }
    }

    public String name() {
        return name;
    }

    /** The tags of one sentence's words, in order. */
    public String[] tag(List<String> words) {
        return tag(words.toArray(String[]::new));
    }

    /** The tags of one sentence's words, in order. */
    public String[] tag(String[] words) {
        String[] normalized = TaggerFeatures.normalize(words);
        String[] chosen = new String[words.length];
        long[] features = new long[TaggerFeatures.COUNT];
        double[] scores = new double[tags.length];
        for (int i = 0; i < words.length; i++) {
            String known = unambiguousWords.get(words[i]);
            if (known != null) {
                chosen[i] = known;
                continue;
            }
            TaggerFeatures.extract(words, normalized, chosen, i, features);
            Arrays.fill(scores, 0);
            for (long feature : features) {
                weights.addTo(feature, scores);
            }
            chosen[i] = tags[TaggerFeatures.best(scores)];
        }
        return chosen;
    }

    public void write(OutputStream stream) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(stream);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip));
        out.writeUTF(FORMAT);
        out.writeUTF(name);
        out.writeInt(tags.length);
        for (String tag : tags) {
            out.writeUTF(tag);
        }
        Map<String, Integer> tagIndex = new HashMap<>();
        for (int t = 0; t < tags.length; t++) {
            tagIndex.put(tags[t], t);
        }
        out.writeInt(unambiguousWords.size());
        for (Map.Entry<String, String> word : new TreeMap<>(unambiguousWords).entrySet()) {
            out.writeUTF(word.getKey());
            out.writeByte(tagIndex.get(word.getValue()));
        }
        weights.write(out);
        out.flush();
        gzip.finish();
    }

    static TweetTagger read(InputStream stream) throws IOException {
        DataInputStream in =
                new DataInputStream(new BufferedInputStream(new GZIPInputStream(stream)));
        String format = in.readUTF();
        if (!FORMAT.equals(format)) {
            throw new IOException("not a Hark tagger model (" + format + ")");
        }
        String name = in.readUTF();
        String[] tags = new String[in.readInt()];
        for (int t = 0; t < tags.length; t++) {
            tags[t] = in.readUTF();
        }
        int words = in.readInt();
        Map<String, String> unambiguous = new HashMap<>(words * 2);
        for (int w = 0; w < words; w++) {
            unambiguous.put(in.readUTF(), tags[in.readUnsignedByte()]);
        }
        return new TweetTagger(name, tags, unambiguous, FeatureWeights.read(in, tags.length));
    }
}
