// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hark.analytics.window.GroupWindow;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class GroupWindowSerializerTest {
    private static GroupWindow window(String... authors) {
        GroupWindow window = new GroupWindow(5);
        for (String author : authors) {
            window.add(SumWindowPartsTest.facts(author), false);
        }
        return window;
    }

    @Test
    void aWindowReadBackCountsWhatItCounted() throws Exception {
        GroupWindow window = window("ana", "bo", "ana");
        DataOutputSerializer out = new DataOutputSerializer(256);
        GroupWindowSerializer.INSTANCE.serialize(window, out);
        GroupWindowSerializer.INSTANCE.serialize(window("cy"), out);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        GroupWindow first = GroupWindowSerializer.INSTANCE.deserialize(in);
        GroupWindow second = GroupWindowSerializer.INSTANCE.deserialize(in);

        assertThat(first.whole().volume()).isEqualTo(3);
        assertThat(first.queries().keySet()).containsExactly("skyline");
        assertThat(second.whole().volume()).isEqualTo(1);
        assertThat(in.available()).isZero();
    }

    @Test
    void aCopyIsIndependentOfItsOriginal() {
        GroupWindow original = window("ana");
        GroupWindow copy = GroupWindowSerializer.INSTANCE.copy(original);
        copy.add(SumWindowPartsTest.facts("bo"), false);

        assertThat(original.whole().volume()).isEqualTo(1);
        assertThat(copy.whole().volume()).isEqualTo(2);
    }

    @Test
    void aSnapshotReadBackRestoresWithTheSameSerializer() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(
                out, GroupWindowSerializer.INSTANCE.snapshotConfiguration());

        TypeSerializerSnapshot<GroupWindow> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());
        TypeSerializerSchemaCompatibility<GroupWindow> compatibility =
                GroupWindowSerializer.INSTANCE
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(restored);

        assertThat(compatibility.isCompatibleAsIs()).isTrue();
        assertThat(restored.restoreSerializer()).isSameAs(GroupWindowSerializer.INSTANCE);
    }

    @Test
    void flinkWouldHandTheWindowToKryoWithoutItsOwnType() {
        SerializerConfigImpl noGenericTypes = new SerializerConfigImpl();
        noGenericTypes.setGenericTypes(false);

        assertThat(GroupWindowType.INSTANCE.createSerializer(noGenericTypes))
                .isSameAs(GroupWindowSerializer.INSTANCE);
        assertThatThrownBy(
                        () ->
                                TypeInformation.of(GroupWindow.class)
                                        .createSerializer(noGenericTypes))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
