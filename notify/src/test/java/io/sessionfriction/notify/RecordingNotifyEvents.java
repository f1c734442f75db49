package io.sessionfriction.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The sink's events as a list a test asserts on. */
final class RecordingNotifyEvents implements NotifyEvents {

    record Sent(int alerts) {
    }

    record Skipped(String alertId, Outcome why) {
    }

    record Unreadable(long offset, String error) {
    }

    record Rejected(String alertId) {
    }

    record PostFailed(int alerts, int attempt, Duration retryIn) {
    }

    private final List<Object> events = new ArrayList<>();

    synchronized List<Object> all() {
        return List.copyOf(events);
    }

    synchronized <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public synchronized void sent(int alerts, Duration took) {
        events.add(new Sent(alerts));
    }

    @Override
    public synchronized void skipped(String alertId, String rule, Outcome why) {
        events.add(new Skipped(alertId, why));
    }

    @Override
    public synchronized void unreadable(int partition, long offset, String error) {
        events.add(new Unreadable(offset, error));
    }

    @Override
    public synchronized void rejected(String alertId, String reason) {
        events.add(new Rejected(alertId));
    }

    @Override
    public synchronized void postFailed(int alerts, int attempt, String reason, Duration retryIn) {
        events.add(new PostFailed(alerts, attempt, retryIn));
    }

    @Override
    public void pending(int alerts) {
        // A gauge: its value is asserted through MeteredNotifyEvents.
    }

    @Override
    public synchronized void commitFailed(String reason) {
        events.add("commit failed: " + reason);
    }
}
