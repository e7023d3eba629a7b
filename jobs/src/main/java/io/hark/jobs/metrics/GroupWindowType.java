// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.analytics.window.GroupWindow;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** {@link GroupWindow} as Flink sees it: serialized by {@link GroupWindowSerializer}. */
public final class GroupWindowType extends TypeInformation<GroupWindow> {
    public static final GroupWindowType INSTANCE = new GroupWindowType();
    private static final long serialVersionUID = 1L;

    private GroupWindowType() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<GroupWindow> getTypeClass() {
        return GroupWindow.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<GroupWindow> createSerializer(SerializerConfig config) {
        return GroupWindowSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "GroupWindow";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupWindowType;
    }

    @Override
    public int hashCode() {
        return GroupWindow.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof GroupWindowType;
    }
}
