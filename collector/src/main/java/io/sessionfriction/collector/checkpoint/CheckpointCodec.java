package io.sessionfriction.collector.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Checkpoint to and from the JSON value on the offsets topic. */
public final class CheckpointCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointCodec() {
    }

    public static byte[] encode(Checkpoint checkpoint) {
        try {
            return JSON.writeValueAsBytes(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Checkpoint decode(byte[] value) {
        try {
            return JSON.readValue(value, Checkpoint.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable checkpoint: " + e.getMessage(), e);
        }
    }
}
