package io.sessionfriction.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.sessionfriction.launcher.cli.Main;
import picocli.CommandLine;

/**
 * {@code --kafka-config} holds passwords: a command that fails on a bad security setting says which
 * setting, but neither its error output nor its log (messages and stack traces) carries a password.
 */
class SecretsNeverLoggedTest {

    private static final String PASSWORD = "hunter2-Secret-9f3b";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    @Test
    void jaasTextThatDoesNotParseIsReportedAsABadKafkaConfigWithoutItsPassword() throws IOException {
        Path kafkaConfig = clientProperties(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"friction\" password=\"" + PASSWORD + "\"");

        Failure failure = run("process", "--bootstrap-servers", "localhost:9", "--kafka-config", kafkaConfig.toString(),
                "--http-port", "0", "--state-dir", dir.resolve("state").toString());

        assertThat(failure.exitCode()).isEqualTo(2);
        assertThat(failure.err()).contains("--kafka-config:").contains("JAAS config entry not terminated by semi-colon");
        failure.assertNoPassword();
    }

    @Test
    void anUnknownLoginModuleIsReportedByNameWithoutThePassword() throws IOException {
        Path kafkaConfig = clientProperties("com.example.NoSuchLoginModule required username=\"friction\" password=\"" + PASSWORD + "\";");
        Files.createDirectories(dir.resolve("sessions"));

        Failure failure = run("collect", "--bootstrap-servers", "localhost:9", "--kafka-config", kafkaConfig.toString(),
                "--http-port", "0", "--sessions", dir.resolve("sessions").toString());

        assertThat(failure.exitCode()).isEqualTo(2);
        assertThat(failure.err()).contains("--kafka-config:").contains("No LoginModule found for com.example.NoSuchLoginModule");
        failure.assertNoPassword();
    }

    @Test
    void everyCommandThatTalksToKafkaExplainsABadClientSettingTheSameWay() throws IOException {
        Path kafkaConfig = clientProperties(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"friction\" password=\"" + PASSWORD + "\"");

        Failure replay = run("replay", "--bootstrap-servers", "localhost:9", "--kafka-config", kafkaConfig.toString(),
                "--sessions", Path.of("..", "samples", "sessions").toString(), "--out", dir.resolve("report").toString());
        Failure latency = run("bench-latency", "--bootstrap-servers", "localhost:9", "--kafka-config", kafkaConfig.toString());

        for (Failure failure : List.of(replay, latency)) {
            assertThat(failure.exitCode()).isEqualTo(2);
            assertThat(failure.err()).contains("--kafka-config:").contains("JAAS config entry not terminated by semi-colon");
            failure.assertNoPassword();
        }
    }

    private Path clientProperties(String jaas) throws IOException {
        return Files.writeString(dir.resolve("client.properties"), String.join("\n",
                "security.protocol=SASL_SSL",
                "sasl.mechanism=SCRAM-SHA-512",
                "sasl.jaas.config=" + jaas,
                "ssl.truststore.location=" + dir.resolve("truststore.jks"),
                "ssl.truststore.password=" + PASSWORD));
    }

    private Failure run(String... args) {
        CommandLine cli = Main.commandLine(args);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int exitCode = cli.execute(args);
        StringBuilder logged = new StringBuilder();
        for (ILoggingEvent event : log.list) {
            logged.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                logged.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        return new Failure(exitCode, err.toString(), logged.toString());
    }

    private record Failure(int exitCode, String err, String log) {

        void assertNoPassword() {
            assertThat(err).as("error output").doesNotContain(PASSWORD);
            assertThat(log).as("log").doesNotContain(PASSWORD);
        }
    }
}
