package io.sessionfriction.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.launcher.cli.options.KafkaOptions;
import picocli.CommandLine;

/**
 * {@code --kafka-config} adds security and tuning; it never changes what exactly-once depends on. A file that
 * tries stops the command, naming the key, before the command starts anything.
 */
class KafkaConfigConflictsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aFileThatTurnsExactlyOnceOffIsRefusedByName() throws IOException {
        Path file = clientProperties("security.protocol=SASL_SSL", "processing.guarantee=at_least_once");

        int exit = execute("process", "--bootstrap-servers", "localhost:9", "--kafka-config", file.toString(), "--http-port", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--kafka-config: " + file)
                .contains("processing.guarantee (pipeline: exactly_once_v2); remove it")
                .doesNotContain("security.protocol");
    }

    @Test
    void aSettingForOneOfKafkaStreamsClientsIsRefusedAsThePlainKeyIsAndNothingStarts() throws IOException {
        Path file = clientProperties("producer.acks=1", "main.consumer.isolation.level=read_uncommitted", "linger.ms=20");

        int exit = execute("run", "--kafka-config", file.toString(), "--sessions", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("main.consumer.isolation.level (pipeline: read_committed), producer.acks (pipeline: all); remove them")
                .doesNotContain("linger.ms");
        assertThat(out.toString()).as("no broker started, nothing collected").isEmpty();
    }

    @Test
    void theNamesTheCommandLineGivesAreNotTheFilesEither() throws IOException {
        Path file = clientProperties("bootstrap.servers=other:9092", "transactional.id=mine");

        int exit = execute("collect", "--bootstrap-servers", "localhost:9", "--kafka-config", file.toString(),
                "--sessions", dir.toString(), "--once");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("bootstrap.servers (pipeline: --bootstrap-servers)")
                .contains("transactional.id (pipeline: --transactional-id, and Kafka Streams' own)");
    }

    @Test
    void securityAndTuningAreTheFilesToSet() throws IOException {
        Path file = clientProperties("security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512", "linger.ms=20",
                "num.stream.threads=4", "producer.compression.type=zstd");
        KafkaOptions options = new KafkaOptions();
        new CommandLine(options).parseArgs("--kafka-config", file.toString());

        assertThat(options.clientOverrides()).isEqualTo(Map.of("security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "linger.ms", "20", "num.stream.threads", "4",
                "producer.compression.type", "zstd"));
    }

    private Path clientProperties(String... lines) throws IOException {
        return Files.writeString(dir.resolve("client.properties"), String.join("\n", lines));
    }

    private int execute(String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
