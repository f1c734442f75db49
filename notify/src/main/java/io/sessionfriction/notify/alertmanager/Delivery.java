package io.sessionfriction.notify.alertmanager;

import java.time.Duration;

/**
 * What one post of a batch came to.
 *
 * @param result what the Alertmanagers answered, taken together
 * @param detail each refusing or failing instance with its reason; empty when delivered
 * @param took   the time the post took
 */
public record Delivery(Result result, String detail, Duration took) {

    public enum Result {
        /** At least one Alertmanager accepted the batch. */
        DELIVERED,
        /** Every Alertmanager refused it as invalid (HTTP 4xx but 408 and 429): posting it again cannot help. */
        REJECTED,
        /** At least one could not be reached or answered an error that may pass (5xx, 408, 429, a timeout). */
        FAILED
    }
}
