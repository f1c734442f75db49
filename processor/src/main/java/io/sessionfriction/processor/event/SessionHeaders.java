package io.sessionfriction.processor.event;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The collector's record headers on {@code session-events} (UTF-8 strings). */
public final class SessionHeaders {

    public static final String USER = "user";
    public static final String FILE = "file";
    public static final String OFFSET = "offset";
    public static final String LINE = "line";

    private SessionHeaders() {
    }

    public static String text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A numeric header, or null when absent or not a number (a header is context, never a reason to fail). */
    public static Long number(Headers headers, String name) {
        String text = text(headers, name);
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
