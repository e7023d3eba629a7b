// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.faults;

import io.hark.schema.Alert;
import io.hark.schema.AvroCodec;
import java.util.List;
import java.util.stream.Stream;

/** What the fault tests share: reading alerts back, and job arguments with more added. */
final class FaultRecords {
    private FaultRecords() {}

    static Alert decodeAlert(byte[] value) {
        try {
            return AvroCodec.ALERT.decode(value);
        } catch (AvroCodec.UndecodableException e) {
            throw new AssertionError("the alert topic holds something else", e);
        }
    }

    static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
