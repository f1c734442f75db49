package io.sessionfriction.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class MeteredNotifyEventsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeteredNotifyEvents events = new MeteredNotifyEvents(registry);

    @Test
    void everyMeterExistsAtZeroBeforeAnythingHappens() {
        assertThat(Arrays.stream(Outcome.values()).map(o -> registry.get(MeteredNotifyEvents.ALERTS).tag("outcome", o.label()).counter()))
                .extracting(Counter::count).containsOnly(0.0).hasSize(Outcome.values().length);
        assertThat(registry.get(MeteredNotifyEvents.POST_FAILURES).counter().count()).isZero();
        assertThat(registry.get(MeteredNotifyEvents.PENDING).gauge().value()).isZero();
        assertThat(registry.get(MeteredNotifyEvents.POST_LATENCY).timer().count()).isZero();
    }

    @Test
    void eachEventCountsUnderItsOutcome() {
        events.sent(3, Duration.ofMillis(20));
        events.skipped("a1", "tool-error", Outcome.NOT_RECENT);
        events.unreadable(0, 7, "not json");
        events.rejected("a2", "400");
        events.postFailed(3, 1, "503", Duration.ofSeconds(1));
        events.pending(3);

        assertThat(registry.get(MeteredNotifyEvents.ALERTS).tag("outcome", "sent").counter().count()).isEqualTo(3);
        assertThat(registry.get(MeteredNotifyEvents.ALERTS).tag("outcome", "not_recent").counter().count()).isEqualTo(1);
        assertThat(registry.get(MeteredNotifyEvents.ALERTS).tag("outcome", "unreadable").counter().count()).isEqualTo(1);
        assertThat(registry.get(MeteredNotifyEvents.ALERTS).tag("outcome", "rejected").counter().count()).isEqualTo(1);
        assertThat(registry.get(MeteredNotifyEvents.ALERTS).tag("outcome", "suppressed").counter().count()).isZero();
        assertThat(registry.get(MeteredNotifyEvents.POST_FAILURES).counter().count()).isEqualTo(1);
        assertThat(registry.get(MeteredNotifyEvents.PENDING).gauge().value()).isEqualTo(3);
    }

    @Test
    void aClosedSinksGaugeGoesSoTheNextSinkInTheProcessReportsItsOwn() {
        events.pending(4);
        events.closed();
        MeteredNotifyEvents next = new MeteredNotifyEvents(registry);

        next.pending(1);

        assertThat(registry.get(MeteredNotifyEvents.PENDING).gauge().value()).isEqualTo(1);
    }

    @Test
    void postLatencyIsAHistogramWithBuckets() {
        events.sent(1, Duration.ofMillis(30));

        var buckets = registry.get(MeteredNotifyEvents.POST_LATENCY).timer().takeSnapshot().histogramCounts();
        assertThat(buckets).hasSize(11);
        assertThat(Arrays.stream(buckets).filter(b -> b.bucket(java.util.concurrent.TimeUnit.MILLISECONDS) == 50).findFirst())
                .hasValueSatisfying(b -> assertThat(b.count()).isEqualTo(1));
    }
}
