package io.sessionfriction.launcher;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.sessionfriction.kafka.TopicCreator;
import io.sessionfriction.launcher.options.KafkaOptions;
import io.sessionfriction.launcher.options.ProcessorOptions;
import io.sessionfriction.processor.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "process", mixinStandardHelpOptions = true,
        description = {"Runs the Kafka Streams friction topology until SIGTERM or Ctrl-C.",
            "Creates the pipeline's topics where missing. Run several instances with one --application-id to scale out."})
final class ProcessCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ProcessorOptions processor;

    @Override
    public Integer call() throws Exception {
        try (ShutdownSignal shutdown = new ShutdownSignal();
                KafkaTarget target = KafkaTarget.open(kafka, false)) {
            TopicCreator.createMissing(target.adminProperties(), Topics.newTopics(kafka.partitions()));
            try (ProcessorRuntime runtime = ProcessorRuntime.start(target, processor, Duration.ofMinutes(2))) {
                shutdown.await();
                return 0;
            }
        } catch (InterruptedException e) {
            return 130;
        }
    }
}
