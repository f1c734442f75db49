package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.alert.FailingRuns.failingRuns;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.alert.CloudEventHeaders;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Alert records carry CloudEvents 1.0 attributes as headers (binary mode), one event id per emission,
 * beside the headers of the line that raised them.
 */
class CloudEventHeadersTest {

    @Test
    void eachAlertRecordIsACloudEventInBinaryMode() {
        try (AlertDriver driver = AlertDriver.start()) {
            Line use = aBashToolUse("cat /data/exports/churn.csv").after(Duration.ZERO);
            Line denied = aBashError(use.toolUseId(), 1, "cat: /data/exports/churn.csv: Permission denied").after(Duration.ofSeconds(2));
            driver.pipe(use, denied);

            List<TestRecord<String, FrictionAlert>> records = driver.alertTopic().readRecordsToList();

            assertThat(records).extracting(r -> r.value().rule()).containsExactly("permission-denied");
            assertThat(records).allSatisfy(record -> {
                Headers headers = record.headers();
                FrictionAlert alert = record.value();
                assertThat(text(headers, "ce_specversion")).isEqualTo("1.0");
                assertThat(text(headers, "ce_id")).isEqualTo(alert.alertId() + "/0");
                assertThat(text(headers, "ce_source")).as("the driver's application id").startsWith("/session-friction/alert-specs-");
                assertThat(text(headers, "ce_type")).isEqualTo(CloudEventHeaders.TYPE);
                assertThat(text(headers, "ce_time")).isEqualTo(denied.timestamp().toString());
                assertThat(text(headers, "ce_subject")).isEqualTo(alert.sessionId());
                assertThat(text(headers, "ce_dataschema")).isEqualTo(CloudEventHeaders.DATA_SCHEMA);
                assertThat(text(headers, "content-type")).isEqualTo("application/json");
                assertThat(headers.headers("ce_id")).as("each attribute once").hasSize(1);
                assertThat(text(headers, "user")).as("the line's own headers stay").isEqualTo(alert.user());
            });
        }
    }

    @Test
    void anEscalationIsANewEventOfTheSameAlert() {
        try (AlertDriver driver = AlertDriver.start()) {
            // A retry loop is raised at its 3rd failure and escalated at the 5th.
            driver.pipe(failingRuns("psql -h warehouse -f load.sql", 5, 0));

            List<String> loopIds = driver.alertTopic().readRecordsToList().stream()
                    .filter(r -> r.value().rule().equals("retry-loop")).map(r -> text(r.headers(), "ce_id")).toList();

            assertThat(loopIds).hasSize(2);
            assertThat(loopIds.get(0)).endsWith("/0");
            assertThat(loopIds.get(1)).isEqualTo(loopIds.get(0).replace("/0", "/1"));
        }
    }

    private static String text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
