// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hark.nlp.entities.SocialTextAnnotator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TweetTaggerTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /**
     * A toy language where a word's tag follows from the word before it: after "the" comes a noun,
     * after "to" a verb, and the same words ("run", "walk") are both.
     */
    private static List<TaggedSentence> toyCorpus(int sentences, long seed) {
        Random random = new Random(seed);
        String[] ambiguous = {"run", "walk", "swim", "ride"};
        List<TaggedSentence> corpus = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            List<String> words = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            words.add("we");
            tags.add("PRP");
            words.add("like");
            tags.add("VBP");
            boolean noun = random.nextBoolean();
            words.add(noun ? "the" : "to");
            tags.add(noun ? "DT" : "TO");
            words.add(ambiguous[random.nextInt(ambiguous.length)]);
            tags.add(noun ? "NN" : "VB");
            words.add(".");
            tags.add(".");
            corpus.add(new TaggedSentence(words, tags));
        }
        return corpus;
    }

    @Test
    void learnsTagsThatDependOnTheContext() {
        TweetTagger tagger =
                TweetTaggerTrainer.train("toy", toyCorpus(400, 1), List.of(), 3, 1L, QUIET);

        assertThat(tagger.tag(List.of("we", "like", "the", "swim", ".")))
                .containsExactly("PRP", "VBP", "DT", "NN", ".");
        assertThat(tagger.tag(List.of("we", "like", "to", "swim", ".")))
                .containsExactly("PRP", "VBP", "TO", "VB", ".");
        assertThat(TweetTaggerTrainer.agreement(tagger, toyCorpus(100, 2))).isEqualTo(1.0);
    }

    @Test
    void theSameDataGiveTheSameModelAndAWrittenModelTagsAsTheOriginal() throws IOException {
        List<TaggedSentence> corpus = toyCorpus(200, 3);
        byte[] first = bytes(TweetTaggerTrainer.train("toy", corpus, List.of(), 2, 7L, QUIET));
        byte[] second = bytes(TweetTaggerTrainer.train("toy", corpus, List.of(), 2, 7L, QUIET));
        assertThat(first).isEqualTo(second);

        TweetTagger read = TweetTagger.read(new ByteArrayInputStream(first));
        assertThat(read.name()).isEqualTo("toy");
        assertThat(read.tag(List.of("to", "ride", "the", "ride")))
                .containsExactly("TO", "VB", "DT", "NN");
    }

    @Test
    void refusesWhatIsNotAModel() {
        assertThat(catchThrowable(() -> TweetTagger.read(new ByteArrayInputStream(new byte[3]))))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theShippedTaggerTagsHostileTextWithoutThrowing() {
        TweetTagger tagger = TweetTagger.shared();
        String[] long10k = new String[10_000];
        Arrays.fill(long10k, "buffalo");
        List<String[]> hostile =
                List.of(
                        new String[0],
                        new String[] {""},
                        new String[] {"\u0000", "\uD83D", "\uFFFF"},
                        new String[] {"😀😀😀", "#", "@", "http://", "1234", "-RRB-"},
                        new String[] {"ÄÖÜ", "日本語", "עברית", "ـــ"},
                        long10k);
        for (String[] words : hostile) {
            String[] tags = tagger.tag(words);
            assertThat(tags).hasSameSizeAs(words).doesNotContainNull();
        }
    }

    @Test
    void theShippedTaggerGivesCoreNlpsTagsOnPlainEnglish() {
        TweetTagger tagger = TweetTagger.shared();
        long same = 0;
        long total = 0;
        for (String text :
                List.of(
                        "The delivery was late again and the driver never called me back.",
                        "I love my new phone, the camera is amazing!",
                        "Why does the app keep crashing when I open my account?",
                        "Flights to Boston were cancelled because of the storm.")) {
            for (TaggedSentence sentence : SocialTextAnnotator.taggedByCoreNlp(text)) {
                String[] tags = tagger.tag(sentence.words());
                for (int i = 0; i < tags.length; i++) {
                    same += tags[i].equals(sentence.tags().get(i)) ? 1 : 0;
                }
                total += tags.length;
            }
        }
        assertThat(total).isGreaterThan(40);
        assertThat((double) same / total).isGreaterThanOrEqualTo(0.95);
    }

    private static byte[] bytes(TweetTagger tagger) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tagger.write(out);
        return out.toByteArray();
    }
}
