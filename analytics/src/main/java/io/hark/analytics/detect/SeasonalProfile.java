// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How far each time-of-day slot usually sits above or below the series' level: an exponential
 * average per slot. A slot's first visits are averaged plainly, so one day of history already gives
 * a profile.
 */
final class SeasonalProfile {
    private static final int SLOT_BYTES = Float.BYTES + Character.BYTES;

    private final long seasonMillis;
    private final long slotMillis;
    // Floats: the profile is most of the state, and a deviation needs no more than 7 digits.
    private final float[] deviations;
    private final char[] visits;

    SeasonalProfile(DetectorSettings settings) {
        this.seasonMillis = settings.season().toMillis();
        this.slotMillis = settings.seasonSlot().toMillis();
        this.deviations = new float[settings.slots()];
        this.visits = new char[settings.slots()];
    }

    double at(long timestampMillis) {
        return deviations[slot(timestampMillis)];
    }

    /**
     * Moves the slot of {@code timestampMillis} towards where {@code error} says it should have
     * been.
     */
    void learn(long timestampMillis, double error, double steadyWeight) {
        int slot = slot(timestampMillis);
        if (visits[slot] < Character.MAX_VALUE) {
            visits[slot]++;
        }
        double weight = Math.max(steadyWeight, 1.0 / visits[slot]);
        deviations[slot] = (float) (deviations[slot] + weight * error);
    }

    private int slot(long timestampMillis) {
        return (int) (Math.floorMod(timestampMillis, seasonMillis) / slotMillis);
    }

    /**
     * Each slot's deviation (float) and visits (char), big-endian, written in one piece: it is most
     * of the state.
     */
    void writeTo(DataOutput out) throws IOException {
        ByteBuffer slots = ByteBuffer.allocate(deviations.length * SLOT_BYTES);
        for (int slot = 0; slot < deviations.length; slot++) {
            slots.putFloat(deviations[slot]).putChar(visits[slot]);
        }
        out.write(slots.array());
    }

    void readFrom(DataInput in) throws IOException {
        byte[] bytes = new byte[deviations.length * SLOT_BYTES];
        in.readFully(bytes);
        ByteBuffer slots = ByteBuffer.wrap(bytes);
        for (int slot = 0; slot < deviations.length; slot++) {
            deviations[slot] = slots.getFloat();
            visits[slot] = slots.getChar();
        }
    }
}
