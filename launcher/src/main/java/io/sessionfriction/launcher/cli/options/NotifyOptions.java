package io.sessionfriction.launcher.cli.options;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sessionfriction.notify.NotifySettings;
import picocli.CommandLine.Option;

/** The alert sink's options (notify, and run or process starting it beside the topology); defaults from {@link NotifySettings}. */
public final class NotifyOptions {

    private static final Map<String, String> OPTION_OF = Map.of(
            "alertmanagers", "--alertmanager-url", "maxAge", "--max-age", "resolveAfter", "--resolve-after");

    @Option(names = "--alertmanager-url", paramLabel = "URL", split = ",",
            description = "Alertmanager to send friction alerts to (http://alertmanager:9093, with its route prefix if any); "
                    + "repeat it or separate with commas for every instance of an HA cluster: a batch is delivered once one accepts it.")
    List<URI> alertmanagers = List.of();

    @Option(names = "--max-age", defaultValue = NotifySettings.DEFAULT_MAX_AGE_HOURS + "h", converter = DurationConverter.class,
            description = "Only alerts about recent activity page: an alert is sent when its line's event time is within this "
                    + "of now; replays, backfills and late batches are not (default: ${DEFAULT-VALUE}).")
    Duration maxAge;

    @Option(names = "--resolve-after", defaultValue = NotifySettings.DEFAULT_RESOLVE_AFTER_HOURS + "h",
            converter = DurationConverter.class,
            description = "An alert resolves by itself this long after its line (endsAt); longer than --max-age "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration resolveAfter;

    @Option(names = "--link-template", paramLabel = "URL",
            description = "A link for each alert ({session}, {user}, {rule}, {alertId} are filled in), e.g. "
                    + "http://processor:8080/sessions/{session}: the annotation 'link' and Alertmanager's generatorURL.")
    String linkTemplate;

    /** The sink's settings, or empty when no Alertmanager was named; a bad value names its option. */
    public Optional<NotifySettings> settings() {
        if (alertmanagers.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(NotifySettings.defaults(alertmanagers).withMaxAge(maxAge, resolveAfter).withLinkTemplate(linkTemplate));
        } catch (NotifySettings.InvalidSetting e) {
            throw new IllegalArgumentException(OPTION_OF.getOrDefault(e.setting(), e.setting()) + ": " + e.getMessage(), e);
        }
    }
}
