// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Buffered, not yet acknowledged documents in a checkpoint: nothing buffered is lost on failure.
 */
public class IndexRequestStateSerializer extends AsyncSinkWriterStateSerializer<IndexRequest> {
    @Override
    protected void serializeRequestToStream(IndexRequest request, DataOutputStream out)
            throws IOException {
        out.writeUTF(request.index());
        out.writeUTF(request.id());
        out.writeInt(request.source().length);
        out.write(request.source());
    }

    @Override
    protected IndexRequest deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        String index = in.readUTF();
        String id = in.readUTF();
        byte[] source = new byte[in.readInt()];
        in.readFully(source);
        return new IndexRequest(index, id, source);
    }

    @Override
    public int getVersion() {
        return 1;
    }
}
