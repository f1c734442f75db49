package io.sessionfriction.topology.ops;

import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** What this JVM's commands log from now on, as level and message, until closed. */
final class LogLines implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogLines() {
        appender.start();
        root.addAppender(appender);
    }

    static LogLines capture() {
        return new LogLines();
    }

    /** Every line logged so far as {@code LEVEL message}. */
    List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
        }
    }

    List<String> matching(String level, String containing) {
        return lines().stream().filter(line -> line.startsWith(level + " ") && line.contains(containing)).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
