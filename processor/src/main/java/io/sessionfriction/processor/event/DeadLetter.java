package io.sessionfriction.processor.event;

/**
 * A line the processor could not use, as written to {@code session-events-dlq}. file/offset/line come
 * from the collector's headers, so the line can be found again.
 */
public record DeadLetter(String source, String sessionKey, String user, String file, Long offset, Long line,
                         String error, String raw) implements ParsedLine {

    public static final String SOURCE = "processor";
}
