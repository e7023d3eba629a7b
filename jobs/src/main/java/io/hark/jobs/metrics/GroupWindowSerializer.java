// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.window.GroupWindow;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Open windows in operator state, in {@link GroupWindow#toBytes the window's own versioned form}: a
 * savepoint holds that form, so a later Hark that changes it still reads the windows of an earlier
 * one, where Kryo, Flink's fallback for such a class, would not.
 */
public final class GroupWindowSerializer extends TypeSerializerSingleton<GroupWindow> {
    public static final GroupWindowSerializer INSTANCE = new GroupWindowSerializer();
    private static final long serialVersionUID = 1L;

    private GroupWindowSerializer() {}

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public GroupWindow createInstance() {
        return new GroupWindow(0);
    }

    @Override
    public GroupWindow copy(GroupWindow from) {
        return GroupWindow.fromBytes(from.toBytes());
    }

    @Override
    public GroupWindow copy(GroupWindow from, GroupWindow reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(GroupWindow window, DataOutputView target) throws IOException {
        byte[] form = window.toBytes();
        target.writeInt(form.length);
        target.write(form);
    }

    @Override
    public GroupWindow deserialize(DataInputView source) throws IOException {
        byte[] form = new byte[source.readInt()];
        source.readFully(form);
        return GroupWindow.fromBytes(form);
    }

    @Override
    public GroupWindow deserialize(GroupWindow reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public TypeSerializerSnapshot<GroupWindow> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The form's version travels in each window's bytes, so the snapshot needs no more. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<GroupWindow> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
