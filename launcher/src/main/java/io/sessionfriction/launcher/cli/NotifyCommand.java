package io.sessionfriction.launcher.cli;

import java.util.OptionalInt;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.Metrics;
import io.sessionfriction.launcher.cli.options.HttpOptions;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.cli.options.NotifyOptions;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.ShutdownSignal;
import io.sessionfriction.launcher.runtime.http.DeferredChecks;
import io.sessionfriction.launcher.runtime.http.HealthEndpoints;
import io.sessionfriction.launcher.runtime.http.NotifyHealth;
import io.sessionfriction.launcher.runtime.http.OpsServer;
import io.sessionfriction.launcher.runtime.http.Telemetry;
import io.sessionfriction.notify.AlertSink;
import io.sessionfriction.notify.MeteredNotifyEvents;
import io.sessionfriction.notify.NotifySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "notify", mixinStandardHelpOptions = true,
        description = {"Sends the alerts of friction-alerts to Alertmanager until SIGTERM or Ctrl-C, as a consumer of its own.",
            "Only alerts about recent activity are sent (--max-age); each resolves by itself (--resolve-after).",
            "At least once: offsets are committed after Alertmanager accepted the alerts; failed posts are retried.",
            "Serves /metrics, /health/live and /health/ready on --http-port."})
final class NotifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    NotifyOptions notify;

    @Mixin
    HttpOptions http;

    @Override
    public Integer call() throws Exception {
        NotifySettings settings = notify.settings()
                .orElseThrow(() -> new IllegalArgumentException("--alertmanager-url is required: where to send the alerts"));
        OptionalInt port = http.port(HttpOptions.NOTIFY_DEFAULT_PORT);
        try (ShutdownSignal shutdown = new ShutdownSignal();
                Telemetry telemetry = Telemetry.start();
                OpsServer server = port.isPresent() ? OpsServer.start(http.bind(), port.getAsInt()) : null;
                KafkaTarget target = kafka.open(false)) {
            DeferredChecks health = new DeferredChecks("alert sink starting");
            if (server != null) {
                telemetry.install(server);
                HealthEndpoints.install(server, health);
            }
            try (AlertSink sink = AlertSink.start(settings, target.adminProperties(), new MeteredNotifyEvents(Metrics.globalRegistry))) {
                telemetry.bind(sink.clientMetrics());
                health.set(new NotifyHealth(sink));
                Throwable failed = shutdown.awaitOrFailure(() -> sink.failure().orElse(null));
                if (failed != null) {
                    spec.commandLine().getErr().println("alert sink stopped: " + failed);
                    return 1;
                }
                return 0;
            }
        } catch (InterruptedException e) {
            return 130;
        }
    }
}
