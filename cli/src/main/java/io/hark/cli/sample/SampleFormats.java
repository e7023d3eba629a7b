// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli.sample;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small formats of sample mentions: ids, links, slugs, and the hashtags, handles and links in a
 * text.
 */
final class SampleFormats {
    static final Pattern HASHTAG = Pattern.compile("(?<!\\S)#([A-Za-z0-9_]+)");
    static final Pattern HANDLE = Pattern.compile("(?<!\\S)@([A-Za-z0-9_]+)");
    private static final Pattern URL = Pattern.compile("(?<!\\S)https?://\\S+");
    private static final List<String> SHORTENERS =
            List.of("https://bit.example/", "http://tinyurl.example/", "https://cutt.example/");
    private static final String BASE64URL =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private SampleFormats() {}

    /** A link through a URL shortener, as spam and campaigns hide theirs. */
    static String shortlink(SplittableRandom rnd) {
        return SampleAuthors.pick(SHORTENERS, rnd) + token(rnd, 7);
    }

    static String token(SplittableRandom rnd, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(BASE62.charAt(rnd.nextInt(BASE62.length())));
        }
        return s.toString();
    }

    static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** A URL slug: ASCII lowercase words joined by hyphens. */
    static String slug(String text) {
        String s =
                Normalizer.normalize(text, Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "post" : s;
    }

    /** {@code v} in {@code width} base64url digits, most significant first. */
    static String base64url(long v, int width) {
        char[] c = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            c[i] = BASE64URL.charAt((int) (v & 63));
            v >>>= 6;
        }
        return new String(c);
    }

    /**
     * A bijection on longs that scatters counters (the MurmurHash3 finalizer): distinct in,
     * distinct out.
     */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Distinct captured tokens, in order of appearance. */
    static List<String> matches(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    static List<String> urls(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = m.group().replaceAll("[.,!?)]+$", "");
            if (!out.contains(url)) {
                out.add(url);
            }
        }
        return out;
    }
}
