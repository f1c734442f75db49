package io.sessionfriction.launcher.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

import io.micrometer.core.instrument.Metrics;
import io.sessionfriction.kafka.TopicCreator;
import io.sessionfriction.launcher.cli.options.HttpOptions;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.cli.options.NotifyOptions;
import io.sessionfriction.launcher.cli.options.ProcessorOptions;
import io.sessionfriction.launcher.cli.options.RedactionOptions;
import io.sessionfriction.launcher.runtime.BrokerWatch;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.ProcessorRuntime;
import io.sessionfriction.launcher.runtime.ProcessorSetup;
import io.sessionfriction.launcher.runtime.ShutdownSignal;
import io.sessionfriction.launcher.runtime.http.DeferredChecks;
import io.sessionfriction.launcher.runtime.http.HealthEndpoints;
import io.sessionfriction.launcher.runtime.http.NotifyHealth;
import io.sessionfriction.launcher.runtime.http.OpsServer;
import io.sessionfriction.launcher.runtime.http.SessionEndpoints;
import io.sessionfriction.launcher.runtime.http.SessionsToken;
import io.sessionfriction.launcher.runtime.http.StreamsHealth;
import io.sessionfriction.launcher.runtime.http.Telemetry;
import io.sessionfriction.launcher.runtime.http.WithAlertSink;
import io.sessionfriction.notify.AlertSink;
import io.sessionfriction.notify.MeteredNotifyEvents;
import io.sessionfriction.notify.NotifySettings;
import io.sessionfriction.processor.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "process", mixinStandardHelpOptions = true,
        description = {"Runs the Kafka Streams friction topology until SIGTERM or Ctrl-C.",
            "Creates the pipeline's topics where missing. Run several instances with one --application-id to scale out.",
            "Serves /metrics, /health/live, /health/ready and /sessions on --http-port.",
            "With --alertmanager-url it also sends the recent alerts to Alertmanager beside the topology, as notify does."})
final class ProcessCommand implements Callable<Integer> {

    private static final Duration START_BOUND = Duration.ofMinutes(2);

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ProcessorOptions processor;

    @Mixin
    HttpOptions http;

    @Mixin
    RedactionOptions redaction;

    @Mixin
    NotifyOptions notify;

    @Option(names = "--advertised-http", paramLabel = "HOST:PORT",
            description = "Where other processor instances reach this one's HTTP endpoint, to forward session queries "
                    + "(Kafka Streams' application.server; default: this host's name and --http-port).")
    String advertisedHttp;

    @Option(names = "--sessions-token-file", paramLabel = "FILE",
            description = "File holding the bearer token /sessions asks for (at least " + SessionsToken.MIN_CHARS
                    + " chars, e.g. `openssl rand -hex 32`): it serves prompts and commands. Every instance needs the same. "
                    + "/metrics and /health/* stay open. Default: /sessions is open to whoever reaches --http-bind.")
    Path sessionsTokenFile;

    @Override
    public Integer call() throws Exception {
        OptionalInt port = http.port(HttpOptions.PROCESS_DEFAULT_PORT);
        ProcessorSetup setup = processor.setup(redaction.redactor());
        Optional<SessionsToken> token = sessionsToken();
        Optional<NotifySettings> sending = notify.settings();
        HostInfo self = port.isPresent() ? advertised(port.getAsInt()) : null;
        Map<String, Object> extra = self == null ? Map.of()
                : Map.of(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        try (ShutdownSignal shutdown = new ShutdownSignal();
                Telemetry telemetry = Telemetry.start();
                OpsServer server = port.isPresent() ? OpsServer.start(http.bind(), port.getAsInt()) : null;
                KafkaTarget target = kafka.open(false)) {
            DeferredChecks health = new DeferredChecks("processor starting: creating topics");
            if (server != null) {
                telemetry.install(server);
                HealthEndpoints.install(server, health);
            }
            TopicCreator.createMissing(target.adminProperties(), Topics.newTopics(kafka.partitions()));
            try (BrokerWatch broker = BrokerWatch.start(target, "processor");
                    ProcessorRuntime runtime = ProcessorRuntime.create(target, setup, extra);
                    AlertSink sink = sending.map(settings -> AlertSink.start(settings, target.adminProperties(),
                            new MeteredNotifyEvents(Metrics.globalRegistry))).orElse(null)) {
                telemetry.bind(runtime.streams());
                StreamsHealth streams = new StreamsHealth(runtime.streams(), runtime::failure, broker::unreachable);
                health.set(sink == null ? streams : new WithAlertSink(streams, new NotifyHealth(sink)));
                if (sink != null) {
                    telemetry.bind(sink.clientMetrics());
                }
                if (server != null) {
                    SessionEndpoints.install(server, runtime.streams(), self, token);
                }
                runtime.startAndAwaitRunning(START_BOUND);
                shutdown.await();
                return 0;
            }
        } catch (InterruptedException e) {
            return 130;
        }
    }

    private Optional<SessionsToken> sessionsToken() {
        if (sessionsTokenFile == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionsToken.fromFile(sessionsTokenFile));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--sessions-token-file: " + sessionsTokenFile + ": " + e.getMessage(), e);
        }
    }

    private HostInfo advertised(int port) {
        if (advertisedHttp != null && !advertisedHttp.isBlank()) {
            try {
                return HostInfo.buildFromEndpoint(advertisedHttp.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--advertised-http: '" + advertisedHttp + "' is not HOST:PORT", e);
            }
        }
        try {
            return new HostInfo(InetAddress.getLocalHost().getHostName(), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--advertised-http is required: this host's name does not resolve ("
                    + e.getMessage() + ")", e);
        }
    }
}
