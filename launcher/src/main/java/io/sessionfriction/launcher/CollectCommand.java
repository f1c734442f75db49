package io.sessionfriction.launcher;

import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.NewTopic;

import io.micrometer.core.instrument.Metrics;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.kafka.TopicCreator;
import io.sessionfriction.launcher.options.CollectorOptions;
import io.sessionfriction.launcher.options.KafkaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Tails the sessions folder into Kafka with exactly-once delivery until SIGTERM or Ctrl-C.",
            "Creates session-events, session-events-dlq and collector-offsets where missing."})
final class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    CollectorOptions collector;

    @Option(names = "--once", description = "Publish what the files hold now, commit, and exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        try (ShutdownSignal shutdown = new ShutdownSignal();
                KafkaTarget target = KafkaTarget.open(kafka, false)) {
            CollectorConfig config = collector.toConfig(target.bootstrapServers(), target.clientOverrides());
            java.util.List<NewTopic> topics = Collector.topics(config, kafka.partitions());
            TopicCreator.createMissing(target.adminProperties(), topics);
            try (Collector tail = Collector.create(config, Metrics.globalRegistry)) {
                if (once) {
                    spec.commandLine().getOut().println(tail.runUntilCaughtUp());
                    return 0;
                }
                tail.start();
                shutdown.await();
                return 0;
            }
        } catch (InterruptedException e) {
            return 130;
        }
    }
}
