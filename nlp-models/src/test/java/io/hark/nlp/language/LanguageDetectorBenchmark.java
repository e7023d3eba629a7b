// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.nlp.language;

import java.util.List;

/**
 * Prints load time, retained heap and texts/s for both lingua modes. Not a test: run with {@code
 * java -cp <test classpath> io.hark.nlp.language.LanguageDetectorBenchmark}. Each mode should be
 * measured in a fresh JVM (lingua keeps models in static maps); pass {@code low} or {@code high} as
 * the argument.
 */
public final class LanguageDetectorBenchmark {

    static final List<String> TWEETS =
            List.of(
                    "My flight with @SkylineAir was delayed three hours and nobody told us why https://t.co/abc #fail",
                    "El vuelo salió con tres horas de retraso, qué vergüenza @iberia",
                    "Le service client ne répond jamais 😡",
                    "Der Flug hatte drei Stunden Verspätung #bahn",
                    "O voo atrasou três horas e ninguém explicou",
                    "Il volo è partito con tre ore di ritardo",
                    "De vlucht had drie uur vertraging",
                    "love it 😍",
                    "Just landed in Lisbon, great crew on board! #travel",
                    "worst customer service ever, never flying with them again");

    public static void main(String[] args) {
        boolean low = args.length > 0 && args[0].equals("low");
        long before = usedHeap();
        long start = System.nanoTime();
        LanguageDetector detector = LanguageDetector.create(low);
        long loadMs = (System.nanoTime() - start) / 1_000_000;
        long retainedMb = (usedHeap() - before) / (1024 * 1024);

        for (int i = 0; i < 2_000; i++) {
            detector.detect(TWEETS.get(i % TWEETS.size()));
        }
        int n = 20_000;
        start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            detector.detect(TWEETS.get(i % TWEETS.size()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "lingua %s accuracy: load %d ms, retained ~%d MB, %.0f texts/s (single caller)%n",
                low ? "low" : "high", loadMs, retainedMb, n / seconds);
        for (String t : TWEETS) {
            System.out.println(detector.detect(t) + "  " + t);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
