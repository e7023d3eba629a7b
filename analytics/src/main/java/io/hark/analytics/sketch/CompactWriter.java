// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.sketch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The sketches' binary form, built to cross a shuffle small: integers take as few bytes as their
 * size needs, and each distinct string is written once and referred to by number after, since the
 * same texts, authors and keys recur across the top lists of a window. {@link CompactReader} reads
 * it.
 */
public final class CompactWriter {
    /**
     * String references: null, a string written here for the first time, or {@code n + FIRST_SEEN}
     * for the n-th.
     */
    static final int NULL = 0;

    static final int NEW = 1;
    static final int FIRST_SEEN = 2;

    private final Map<String, Integer> seen = new HashMap<>();
    private byte[] buffer;
    private int length;

    public CompactWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** Zigzag, then seven bits a byte: small numbers of either sign take one byte. */
    public void writeLong(long value) {
        writeUnsigned((value << 1) ^ (value >> 63));
    }

    public void writeInt(int value) {
        writeLong(value);
    }

    public void writeDouble(double value) {
        long bits = Double.doubleToRawLongBits(value);
        ensure(Long.BYTES);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (bits >>> shift);
        }
    }

    public void writeString(String value) {
        if (value == null) {
            writeUnsigned(NULL);
            return;
        }
        Integer index = seen.putIfAbsent(value, seen.size());
        if (index != null) {
            writeUnsigned(index + (long) FIRST_SEEN);
            return;
        }
        writeUnsigned(NEW);
        writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A length, then the bytes. */
    public void writeBytes(byte[] bytes) {
        writeBytes(bytes, bytes.length);
    }

    /**
     * What {@code other} wrote, as bytes: a block with strings numbered on their own, which a
     * reader may leave unread.
     */
    public void writeBlock(CompactWriter other) {
        writeBytes(other.buffer, other.length);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    private void writeBytes(byte[] bytes, int count) {
        writeUnsigned(count);
        ensure(count);
        System.arraycopy(bytes, 0, buffer, length, count);
        length += count;
    }

    private void writeUnsigned(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buffer[length++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[length++] = (byte) value;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
