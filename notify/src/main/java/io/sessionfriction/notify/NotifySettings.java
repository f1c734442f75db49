package io.sessionfriction.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the alert sink needs; {@link #defaults(List)} holds every default once, and the command line
 * starts from them.
 *
 * @param alertmanagers  base URLs of the Alertmanager instances ({@code http://alertmanager:9093}, with its
 *                       route prefix if it has one); every batch goes to each, as Prometheus sends, and is
 *                       delivered once one accepts it (an HA cluster gossips it to the others)
 * @param groupId        the sink's consumer group: one committed position per deployment
 * @param maxAge         an alert pages only when its line's event time is within this of the sink's clock
 *                       ({@link Recency})
 * @param resolveAfter   an alert's {@code endsAt} is this after its {@code startsAt}: a friction alert is a
 *                       moment, so it resolves by itself; longer than {@code maxAge}, or an alert sent at that
 *                       age would arrive already resolved and notify nobody
 * @param linkTemplate   a URL with {@code {session}}, {@code {user}}, {@code {rule}}, {@code {alertId}}:
 *                       the alert's {@code link} annotation and Alertmanager's {@code generatorURL}
 * @param firstRetry     the wait after the first failed post; it doubles after each further failure
 * @param maxRetry       the longest wait between two posts
 * @param requestTimeout one HTTP request to one Alertmanager
 */
public record NotifySettings(List<URI> alertmanagers, String groupId, Duration maxAge, Duration resolveAfter,
        Optional<String> linkTemplate, Duration firstRetry, Duration maxRetry, Duration requestTimeout) {

    public static final String DEFAULT_GROUP_ID = "session-friction-notify";
    /** The copy job brings lines every 30 minutes: an hour covers a batch and its processing. */
    public static final int DEFAULT_MAX_AGE_HOURS = 1;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(DEFAULT_MAX_AGE_HOURS);
    /** Longer than the max age, so that the oldest alert sent still arrives firing, with an hour to spare. */
    public static final int DEFAULT_RESOLVE_AFTER_HOURS = 2;
    public static final Duration DEFAULT_RESOLVE_AFTER = Duration.ofHours(DEFAULT_RESOLVE_AFTER_HOURS);
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_RETRY = Duration.ofMinutes(1);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** A setting with a value it cannot take; {@link #setting()} names the component, so a command line can name its option. */
    public static final class InvalidSetting extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String setting;

        InvalidSetting(String setting, String message) {
            super(message);
            this.setting = setting;
        }

        public String setting() {
            return setting;
        }
    }

    public NotifySettings {
        alertmanagers = List.copyOf(alertmanagers);
        if (alertmanagers.isEmpty()) {
            throw new InvalidSetting("alertmanagers", "at least one Alertmanager URL is required");
        }
        alertmanagers.forEach(NotifySettings::requireHttp);
        if (groupId == null || groupId.isBlank()) {
            throw new InvalidSetting("groupId", "the consumer group id must not be blank");
        }
        requirePositive("maxAge", "max age", maxAge);
        requirePositive("resolveAfter", "resolve-after window", resolveAfter);
        requirePositive("firstRetry", "first retry", firstRetry);
        requirePositive("requestTimeout", "request timeout", requestTimeout);
        if (resolveAfter.compareTo(maxAge) <= 0) {
            throw new InvalidSetting("resolveAfter", "the resolve-after window (" + resolveAfter + ") must be longer than the "
                    + "max age (" + maxAge + "): an alert sent at that age would arrive at Alertmanager already resolved");
        }
        if (maxRetry.compareTo(firstRetry) < 0) {
            throw new InvalidSetting("maxRetry", "the longest retry wait (" + maxRetry + ") is shorter than the first ("
                    + firstRetry + ")");
        }
        linkTemplate = linkTemplate.filter(template -> !template.isBlank());
    }

    public static NotifySettings defaults(List<URI> alertmanagers) {
        return new NotifySettings(alertmanagers, DEFAULT_GROUP_ID, DEFAULT_MAX_AGE, DEFAULT_RESOLVE_AFTER,
                Optional.empty(), DEFAULT_FIRST_RETRY, DEFAULT_MAX_RETRY, DEFAULT_REQUEST_TIMEOUT);
    }

    public NotifySettings withGroupId(String id) {
        return new NotifySettings(alertmanagers, id, maxAge, resolveAfter, linkTemplate, firstRetry, maxRetry, requestTimeout);
    }

    /** Both at once, since the window must be longer than the age. */
    public NotifySettings withMaxAge(Duration age, Duration window) {
        return new NotifySettings(alertmanagers, groupId, age, window, linkTemplate, firstRetry, maxRetry, requestTimeout);
    }

    public NotifySettings withLinkTemplate(String template) {
        return new NotifySettings(alertmanagers, groupId, maxAge, resolveAfter, Optional.ofNullable(template), firstRetry,
                maxRetry, requestTimeout);
    }

    public NotifySettings withRetries(Duration first, Duration longest) {
        return new NotifySettings(alertmanagers, groupId, maxAge, resolveAfter, linkTemplate, first, longest, requestTimeout);
    }

    public NotifySettings withRequestTimeout(Duration timeout) {
        return new NotifySettings(alertmanagers, groupId, maxAge, resolveAfter, linkTemplate, firstRetry, maxRetry, timeout);
    }

    private static void requireHttp(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new InvalidSetting("alertmanagers", "'" + url + "' is not an http(s) URL of an Alertmanager");
        }
    }

    private static void requirePositive(String setting, String what, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidSetting(setting, "the " + what + " must be positive, not " + value);
        }
    }
}
