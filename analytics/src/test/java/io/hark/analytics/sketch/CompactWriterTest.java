// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CompactWriterTest {
    @Test
    void readsBackNumbersOfEverySizeAndSign() {
        long[] numbers = {
            0,
            1,
            -1,
            63,
            -64,
            64,
            127,
            128,
            300,
            -300,
            Integer.MAX_VALUE,
            Integer.MIN_VALUE,
            Long.MAX_VALUE,
            Long.MIN_VALUE
        };
        CompactWriter out = new CompactWriter(1);
        for (long number : numbers) {
            out.writeLong(number);
        }
        out.writeInt(-7);
        out.writeDouble(-0.125);
        out.writeDouble(Double.NaN);

        CompactReader in = new CompactReader(out.toByteArray());
        for (long number : numbers) {
            assertThat(in.readLong()).isEqualTo(number);
        }
        assertThat(in.readInt()).isEqualTo(-7);
        assertThat(in.readDouble()).isEqualTo(-0.125);
        assertThat(in.readDouble()).isNaN();
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    void smallNumbersTakeOneByte() {
        CompactWriter out = new CompactWriter(1);
        out.writeLong(63);
        out.writeLong(-64);
        assertThat(out.toByteArray()).hasSize(2);
    }

    @Test
    void writesEachStringOnceAndReadsEveryReferenceBack() {
        String text = "délai à l'embarquement 🛫 ".repeat(4_000);
        CompactWriter out = new CompactWriter(16);
        out.writeString(text);
        out.writeString(null);
        out.writeString("bluejet");
        out.writeString(new String(text));
        out.writeString("bluejet");
        byte[] bytes = out.toByteArray();

        assertThat(bytes.length)
                .as("the long text written once, though over 64 KB")
                .isBetween(
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 20);
        CompactReader in = new CompactReader(bytes);
        assertThat(in.readString()).isEqualTo(text);
        assertThat(in.readString()).isNull();
        assertThat(in.readString()).isEqualTo("bluejet");
        assertThat(in.readString()).isEqualTo(text);
        assertThat(in.readString()).isEqualTo("bluejet");
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    void aBlockNumbersItsStringsOnItsOwnAndMayBeLeftUnread() {
        CompactWriter block = new CompactWriter(16);
        block.writeString("ana");
        block.writeString("ana");
        CompactWriter out = new CompactWriter(16);
        out.writeString("bo");
        out.writeBlock(block);
        out.writeString("bo");

        CompactReader in = new CompactReader(out.toByteArray());
        assertThat(in.readString()).isEqualTo("bo");
        byte[] unread = in.readBytes();
        assertThat(in.readString()).isEqualTo("bo");
        CompactReader blockIn = new CompactReader(unread);
        assertThat(blockIn.readString()).isEqualTo("ana");
        assertThat(blockIn.readString()).isEqualTo("ana");
    }

    @Test
    void corruptInputIsReportedWithItsPosition() {
        CompactWriter out = new CompactWriter(16);
        out.writeString("bluejet");
        byte[] cut = Arrays.copyOf(out.toByteArray(), 4);
        assertThatThrownBy(() -> new CompactReader(cut).readString())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at byte 2")
                .hasMessageContaining("bytes left");

        assertThatThrownBy(() -> new CompactReader(new byte[] {5}).readString())
                .hasMessageContaining("a reference to string 3 of 0");
        assertThatThrownBy(() -> new CompactReader(new byte[] {(byte) 0x80}).readLong())
                .hasMessageContaining("ends early");
    }
}
