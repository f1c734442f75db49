package io.sessionfriction.processor.event;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * A text together with its UTF-8 bytes, so that a UTF-8 generator writing it raw copies the bytes instead of
 * encoding every char again. Its quoted forms, which a raw value never uses, are Jackson's own.
 */
record Utf8Text(SerializedString text, byte[] utf8) implements SerializableString, Serializable {

    Utf8Text(String text, byte[] utf8) {
        this(new SerializedString(text), utf8);
    }

    @Override
    public String getValue() {
        return text.getValue();
    }

    @Override
    public int charLength() {
        return text.charLength();
    }

    @Override
    public char[] asQuotedChars() {
        return text.asQuotedChars();
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return utf8;
    }

    @Override
    public byte[] asQuotedUTF8() {
        return text.asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return text.appendQuotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        return text.appendQuoted(buffer, offset);
    }

    /** Jackson's contract: -1 when the bytes do not fit, and the generator then writes {@link #asUnquotedUTF8}. */
    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (utf8.length > buffer.length - offset) {
            return -1;
        }
        System.arraycopy(utf8, 0, buffer, offset, utf8.length);
        return utf8.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        return text.appendUnquoted(buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return text.writeQuotedUTF8(out);
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
        return text.putQuotedUTF8(buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (utf8.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(utf8);
        return utf8.length;
    }
}
