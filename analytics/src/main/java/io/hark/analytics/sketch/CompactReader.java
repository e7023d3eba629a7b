// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.sketch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads what a {@link CompactWriter} wrote, in the order it was written. */
public final class CompactReader {
    private final List<String> seen = new ArrayList<>();
    private final byte[] bytes;
    private int position;

    public CompactReader(byte[] bytes) {
        this.bytes = bytes;
    }

    public long readLong() {
        long zigzag = readUnsigned();
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    public int readInt() {
        long value = readLong();
        if (value != (int) value) {
            throw corrupt("an int out of range: " + value);
        }
        return (int) value;
    }

    public double readDouble() {
        require(Long.BYTES);
        long bits = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            bits = (bits << 8) | (bytes[position++] & 0xFF);
        }
        return Double.longBitsToDouble(bits);
    }

    public String readString() {
        long reference = readUnsigned();
        if (reference == CompactWriter.NULL) {
            return null;
        }
        if (reference == CompactWriter.NEW) {
            int length = length();
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            seen.add(value);
            return value;
        }
        long index = reference - CompactWriter.FIRST_SEEN;
        if (index >= seen.size()) {
            throw corrupt("a reference to string " + index + " of " + seen.size());
        }
        return seen.get((int) index);
    }

    public byte[] readBytes() {
        int length = length();
        byte[] read = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return read;
    }

    /** Whether everything written was read. */
    public boolean atEnd() {
        return position == bytes.length;
    }

    private int length() {
        long length = readUnsigned();
        if (length > bytes.length - position) {
            throw corrupt(
                    "a length of " + length + " with " + (bytes.length - position) + " bytes left");
        }
        return (int) length;
    }

    private long readUnsigned() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            require(1);
            byte next = bytes[position++];
            value |= (long) (next & 0x7F) << shift;
            if (next >= 0) {
                return value;
            }
        }
        throw corrupt("a number longer than 10 bytes");
    }

    private void require(int count) {
        if (bytes.length - position < count) {
            throw corrupt("it ends early");
        }
    }

    private IllegalStateException corrupt(String problem) {
        return new IllegalStateException(
                "corrupt compact binary at byte " + position + ": " + problem);
    }
}
