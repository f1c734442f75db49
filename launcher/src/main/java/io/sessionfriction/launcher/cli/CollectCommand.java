package io.sessionfriction.launcher.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Callable;


import io.micrometer.core.instrument.Metrics;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.kafka.TopicCreator;
import io.sessionfriction.launcher.cli.options.CollectorOptions;
import io.sessionfriction.launcher.cli.options.HttpOptions;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.cli.options.RedactionOptions;
import io.sessionfriction.launcher.runtime.BrokerWatch;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.ShutdownSignal;
import io.sessionfriction.launcher.runtime.Summary;
import io.sessionfriction.launcher.runtime.http.CollectorHealth;
import io.sessionfriction.launcher.runtime.http.DeferredChecks;
import io.sessionfriction.launcher.runtime.http.HealthEndpoints;
import io.sessionfriction.launcher.runtime.http.OpsServer;
import io.sessionfriction.launcher.runtime.http.Telemetry;
import io.sessionfriction.redaction.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Tails the sessions folder into Kafka with exactly-once delivery until SIGTERM or Ctrl-C.",
            "Creates session-events, session-events-dlq and collector-offsets where missing.",
            "Serves /metrics, /health/live and /health/ready on --http-port (not with --once)."})
final class CollectCommand implements Callable<Integer> {

    /** A loop with no finished pass for this long (at least) is reported stuck. */
    private static final Duration STUCK_AT_LEAST = Duration.ofMinutes(2);
    private static final int STUCK_POLLS = 10;

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    CollectorOptions collector;

    @Mixin
    HttpOptions http;

    @Mixin
    RedactionOptions redaction;

    @Option(names = "--once", description = "Publish what the files hold now, commit, and exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        OptionalInt port = once ? OptionalInt.empty() : http.port(HttpOptions.COLLECT_DEFAULT_PORT);
        Redactor redactor = redaction.redactor();
        try (ShutdownSignal shutdown = new ShutdownSignal();
                KafkaTarget target = kafka.open(false)) {
            CollectorConfig config = collector.toConfig(target.bootstrapServers(), target.clientOverrides());
            if (once) {
                TopicCreator.createMissing(target.adminProperties(), Collector.topics(config, kafka.partitions()));
                try (Collector tail = Collector.create(config, redactor, Metrics.globalRegistry)) {
                    spec.commandLine().getOut().println(Summary.collector(tail.runUntilCaughtUp()));
                    return 0;
                }
            }
            try (Telemetry telemetry = Telemetry.start();
                    OpsServer server = port.isPresent() ? OpsServer.start(http.bind(), port.getAsInt()) : null) {
                DeferredChecks health = new DeferredChecks("collector connecting to Kafka");
                if (server != null) {
                    telemetry.install(server);
                    HealthEndpoints.install(server, health);
                }
                TopicCreator.createMissing(target.adminProperties(), Collector.topics(config, kafka.partitions()));
                try (BrokerWatch broker = BrokerWatch.start(target, "collector");
                        Collector tail = Collector.create(config, redactor, Metrics.globalRegistry)) {
                    tail.start();
                    health.set(new CollectorHealth(tail, broker::unreachable, stuckAfter(config), Clock.systemUTC()));
                    // A fenced or unauthorized producer cannot recover here: exit so the supervisor sees it.
                    Throwable failed = shutdown.awaitOrFailure(() -> tail.failure().orElse(null));
                    if (failed != null) {
                        spec.commandLine().getErr().println("collector stopped: " + failed.getMessage());
                        return 1;
                    }
                    return 0;
                }
            }
        } catch (InterruptedException e) {
            return 130;
        }
    }

    private static Duration stuckAfter(CollectorConfig config) {
        Duration polls = config.pollInterval().multipliedBy(STUCK_POLLS);
        return polls.compareTo(STUCK_AT_LEAST) > 0 ? polls : STUCK_AT_LEAST;
    }
}
