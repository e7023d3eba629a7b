// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextFingerprintTest {
    /**
     * Common tweet words, function words included, so generated texts share words as real ones do.
     */
    private static final String[] WORDS =
            ("the a to and of in is it for on my you this that with be at so just was are have me not but your all we"
                            + " can get like up out if about what no one do new now time love good day today people great back"
                            + " know see how got will more really going still best happy thanks need make think want go even"
                            + " work much night why last first life never game right show free better year home week video via"
                            + " watch because morning news world team school again family friends little music thing say real"
                            + " look big always feel long help check tonight someone something everyone amazing fun hope"
                            + " beautiful awesome cant dont off over after before getting tomorrow weekend birthday stop come"
                            + " coffee phone flight delayed airport customer service order delivery package store price sale"
                            + " brand app update battery screen camera pizza dinner lunch breakfast movie song album concert"
                            + " ticket weather rain snow summer winter city train bus traffic car road job boss office meeting"
                            + " class exam teacher student book read write post tweet follow account friend dog cat baby mom dad"
                            + " sister brother wife husband girl guy win lose play match goal season fans league coach player"
                            + " election vote president policy law health doctor hospital sick tired sleep hungry excited sad"
                            + " angry proud finally literally actually seriously honestly definitely probably maybe already")
                    .split(" ");

    private static final String STABLE_BAND = "4161b3884417f1ec";

    private static final String TWEET =
            "Our flight to Lisbon was delayed three hours and nobody at the gate told us anything about the new time";

    @Test
    void ignoresUrlsHandlesCaseAccentsPunctuationWhitespaceAndRetweetPrefix() {
        long[] sketch = TextFingerprint.of("Café au lait at the station, best start of the day!");

        assertThat(
                        TextFingerprint.of(
                                "RT @someone: cafe AU LAIT at the station best start of the day https://t.co/x1"))
                .isEqualTo(sketch);
        assertThat(
                        TextFingerprint.of(
                                "@barista   café au lait... at the STATION!!! best start of the day 😍"))
                .isEqualTo(sketch);
        assertThat(
                        TextFingerprint.of(
                                "cafe au lait at the station — best start of the day http://bit.ly/abc @x"))
                .isEqualTo(sketch);
    }

    @Test
    void wordOrderMatters() {
        assertThat(TextFingerprint.of("dog bites man in the city centre"))
                .isNotEqualTo(TextFingerprint.of("man bites dog in the city centre"));
    }

    @Test
    void isStableAcrossReleases() {
        // Stored sketches are compared with new ones: if this changes, every stored one is invalid.
        assertThat(Long.toHexString(TextFingerprint.bands(TextFingerprint.of(TWEET))[0]))
                .isEqualTo(STABLE_BAND);
    }

    @Test
    void textsWithoutWordsAreNotUsable() {
        assertThat(TextFingerprint.isUsable(null)).isFalse();
        assertThat(TextFingerprint.isUsable("  https://t.co/abc @someone 😍 !!! ")).isFalse();
    }

    @Test
    void needsFourWordsToBeUsable() {
        assertThat(TextFingerprint.isUsable("@delta so true! https://t.co/abc")).isFalse();
        assertThat(TextFingerprint.isUsable("thank you so much")).isTrue();
    }

    @Test
    void oneWordSubstitutionsInTwentyWordTextsAreNearDuplicatesAndShareABand() {
        Random random = new Random(20240611);
        int edits = 0;
        int near = 0;
        int found = 0;
        for (int sentence = 0; sentence < 50; sentence++) {
            String[] words = randomWords(random, 20);
            long[] original = TextFingerprint.of(String.join(" ", words));
            for (int position = 0; position < words.length; position++) {
                String[] edited = words.clone();
                edited[position] = otherWord(random, words[position]);
                long[] copy = TextFingerprint.of(String.join(" ", edited));
                edits++;
                if (TextFingerprint.areNearDuplicates(original, copy)) {
                    near++;
                    if (shareABand(original, copy)) {
                        found++;
                    }
                }
            }
        }
        System.out.printf(
                "one-word edits: %d of %d near-duplicates, %d of those found by a band%n",
                near, edits, found);
        assertThat((double) near / edits).isGreaterThanOrEqualTo(0.9);
        assertThat((double) found / near).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void unrelatedTextsAreNeitherNearDuplicatesNorCandidates() {
        Random random = new Random(7);
        int pairs = 2_000;
        int near = 0;
        int candidates = 0;
        for (int pair = 0; pair < pairs; pair++) {
            long[] a =
                    TextFingerprint.of(
                            String.join(" ", randomWords(random, 8 + random.nextInt(20))));
            long[] b =
                    TextFingerprint.of(
                            String.join(" ", randomWords(random, 8 + random.nextInt(20))));
            near += TextFingerprint.areNearDuplicates(a, b) ? 1 : 0;
            candidates += shareABand(a, b) ? 1 : 0;
        }
        assertThat(near).isZero();
        assertThat(candidates).isLessThanOrEqualTo(pairs / 200);
    }

    @Test
    void tweetsOnTheSameSubjectAreNotNearDuplicates() {
        assertThat(
                        TextFingerprint.areNearDuplicates(
                                TextFingerprint.of(TWEET),
                                TextFingerprint.of(
                                        "Flight to Lisbon delayed again, three hours at the gate and still nobody tells us anything")))
                .isFalse();
    }

    @Test
    void bandsDifferAcrossBandsEvenForEqualValues() {
        long[] constant = new long[TextFingerprint.SIZE];
        assertThat(Arrays.stream(TextFingerprint.bands(constant)).distinct().count())
                .isEqualTo(TextFingerprint.BANDS);
    }

    private static boolean shareABand(long[] a, long[] b) {
        long[] bandsOfB = TextFingerprint.bands(b);
        return Arrays.stream(TextFingerprint.bands(a)).anyMatch(band -> contains(bandsOfB, band));
    }

    private static boolean contains(long[] values, long value) {
        return Arrays.stream(values).anyMatch(v -> v == value);
    }

    private static String[] randomWords(Random random, int count) {
        return random.ints(count, 0, WORDS.length).mapToObj(i -> WORDS[i]).toArray(String[]::new);
    }

    private static String otherWord(Random random, String word) {
        String other;
        do {
            other = WORDS[random.nextInt(WORDS.length)];
        } while (other.equals(word));
        return other;
    }
}
